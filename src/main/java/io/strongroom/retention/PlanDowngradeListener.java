package io.strongroom.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.strongroom.tenant.Plan;
import io.strongroom.tenant.TenantPlanChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A plan change clamps every stored policy of the resource to the new plan. A downgrade
 * never deletes a backup: what the clamped policy would remove under the new plan's
 * max-retention and the old one kept under the old plan's is held, also where the policy
 * itself fits the new plan (a shorter max-retention bounds it). Idempotent: a second
 * delivery finds the policies clamped and the backups held.
 */
@Component
class PlanDowngradeListener {

	private static final Logger log = LoggerFactory.getLogger(PlanDowngradeListener.class);

	private final RetentionPolicies policies;

	private final Retention retention;

	private final RetentionHoldRepository holds;

	private final Clock clock;

	PlanDowngradeListener(RetentionPolicies policies, Retention retention, RetentionHoldRepository holds,
			ObjectProvider<Clock> clock) {
		this.policies = policies;
		this.retention = retention;
		this.holds = holds;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@ApplicationModuleListener
	void on(TenantPlanChanged event) {
		Plan plan = this.policies.plan(event.newPlan());
		RetentionLimits allowed = RetentionLimits.of(plan);
		RetentionLimits wasAllowed = this.policies.previousLimits(event.previousPlan());
		String reason = "kept through the change to the " + plan.slug() + " plan on "
				+ LocalDate.ofInstant(event.at(), ZoneOffset.UTC);
		for (StoredRetentionPolicy stored : this.policies.storedFor(event.tenant())) {
			RetentionSettings before = stored.settings();
			ClampedPolicy clamped = before.policy().clampTo(allowed);
			String label = stored.databaseLabel();
			List<BackupRecord> history = this.retention.historyIfWired(event.tenant(), label);
			Set<UUID> hold = DowngradeHolds.toHold(history, before.zone(), before.policy(), wasAllowed,
					clamped.policy(), allowed);
			for (UUID runId : hold) {
				if (!this.holds.existsById(runId)) {
					this.holds.save(new RetentionHold(event.tenant(), label, runId, reason, this.clock.instant()));
				}
			}
			if (clamped.changed()) {
				this.policies.store(event.tenant(), label, new RetentionSettings(clamped.policy(), before.zone()));
			}
			if (clamped.changed() || !hold.isEmpty()) {
				log.info("Plan change of {} to {}: retention of {} clamped ({}), {} backups held", event.tenant(),
						plan.slug(), label, clamped.changed() ? String.join("; ", clamped.changes()) : "unchanged",
						hold.size());
			}
		}
	}

}
