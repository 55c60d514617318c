package io.strongroom.target;

import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantPlanChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Follows the add-on's life; idempotent, as listeners must be. */
@Component
class TargetLifecycle {

	private final Targets targets;

	TargetLifecycle(Targets targets) {
		this.targets = targets;
	}

	@ApplicationModuleListener
	void on(TenantDeprovisioned event) {
		this.targets.erase(event.tenant());
	}

	/**
	 * A downgrade pauses the schedules of the databases beyond the new plan's number; an
	 * upgrade resumes them. (The schedule module clamps frequencies the plan lacks.)
	 */
	@ApplicationModuleListener
	void on(TenantPlanChanged event) {
		this.targets.applyPlanLimits(event.tenant());
	}

}
