/**
 * The customer's dashboard (Thymeleaf), reached through Heroku single sign-on.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.dashboard;
