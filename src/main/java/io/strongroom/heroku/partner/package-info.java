/**
 * The Add-on Partner API (Heroku calls Strongroom): provision, plan change, deprovision,
 * and the durable provisioning job that finishes the work after Heroku got its answer.
 * Internal to the {@code heroku} module; docs/heroku.md describes the behaviour.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.heroku.partner;
