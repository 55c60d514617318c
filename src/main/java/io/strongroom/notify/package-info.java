/**
 * Emails, webhooks and Heroku log lines on backup transitions.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.notify;
