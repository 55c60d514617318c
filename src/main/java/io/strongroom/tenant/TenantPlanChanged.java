package io.strongroom.tenant;

import java.time.Instant;

/**
 * Published when a resource changes plan. Listeners clamp their settings to the new
 * plan's limits (a downgrade never deletes a backup).
 */
public record TenantPlanChanged(TenantId tenant, String previousPlan, String newPlan, Instant at) {

}
