/**
 * Everything that speaks Heroku: the Add-on Partner API, single sign-on, OAuth tokens,
 * the Platform API client and the log input.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.heroku;
