package io.strongroom.schedule;

import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantPlanChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps schedules in step with their tenant. Both reactions are idempotent, so a
 * redelivered event changes nothing more.
 */
@Component
class TenantScheduleListener {

	private static final Logger log = LoggerFactory.getLogger(TenantScheduleListener.class);

	private final JdbcSchedules schedules;

	TenantScheduleListener(JdbcSchedules schedules) {
		this.schedules = schedules;
	}

	/**
	 * A deprovisioned add-on is never backed up again; its backups stay in its bucket.
	 */
	@ApplicationModuleListener
	void on(TenantDeprovisioned event) {
		int removed = this.schedules.removeAll(event.tenant());
		log.info("Add-on {} deprovisioned: removed {} schedule(s)", event.tenant(), removed);
	}

	/** A schedule the new plan does not allow moves to the nearest one it does. */
	@ApplicationModuleListener
	void on(TenantPlanChanged event) {
		this.schedules.clampToPlan(event.tenant(), event.newPlan());
	}

}
