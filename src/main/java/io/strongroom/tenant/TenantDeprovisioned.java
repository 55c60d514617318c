package io.strongroom.tenant;

import java.time.Instant;

/**
 * Published when Heroku deprovisions a resource. Listeners stop its schedules and erase
 * its secrets; nothing in the customer's bucket is touched.
 */
public record TenantDeprovisioned(TenantId tenant, Instant at) {

}
