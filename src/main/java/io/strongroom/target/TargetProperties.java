package io.strongroom.target;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of the target module.
 *
 * @param filesystemDestinations whether tenants may back up into a folder of the machine
 * Strongroom runs on; sensible for one self-hosted team, never for a multi-tenant
 * service, so the {@code heroku} profile turns it off
 */
@ConfigurationProperties("strongroom.target")
record TargetProperties(@DefaultValue("true") boolean filesystemDestinations) {

}
