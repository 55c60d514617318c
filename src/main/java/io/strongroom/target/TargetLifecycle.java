package io.strongroom.target;

import io.strongroom.tenant.TenantDeprovisioned;

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

}
