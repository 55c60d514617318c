/**
 * Where customer secrets live: config vars in Heroku mode, encrypted at rest under the
 * master key otherwise.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.secrets;
