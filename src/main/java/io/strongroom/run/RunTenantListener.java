package io.strongroom.run;

import io.strongroom.tenant.TenantDeprovisioned;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deprovisioned add-on is never backed up (or verified) again: its queued runs and
 * verifications end at once, its launched ones are told to stop. Idempotent: a redelivery
 * finds nothing left to cancel.
 */
@Component
class RunTenantListener {

	private final Runs runs;

	private final Verifications verifications;

	RunTenantListener(Runs runs, Verifications verifications) {
		this.runs = runs;
		this.verifications = verifications;
	}

	@ApplicationModuleListener
	void on(TenantDeprovisioned event) {
		this.runs.cancelAll(event.tenant(), "The add-on was removed");
		this.verifications.cancelAll(event.tenant(), "the add-on was removed");
	}

}
