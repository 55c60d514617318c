package io.strongroom.run;

import io.strongroom.tenant.TenantDeprovisioned;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deprovisioned add-on is never backed up again: its queued runs are cancelled at once,
 * its launched ones told to stop. Idempotent: a redelivery finds nothing left to cancel.
 */
@Component
class RunTenantListener {

	private final Runs runs;

	RunTenantListener(Runs runs) {
		this.runs = runs;
	}

	@ApplicationModuleListener
	void on(TenantDeprovisioned event) {
		this.runs.cancelAll(event.tenant(), "The add-on was removed");
	}

}
