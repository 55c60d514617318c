package io.strongroom.run;

import java.util.List;

import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.schedule.BackupSlotsDue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedule slots fell due: queue their runs, a dispatcher batch in one transaction.
 * Idempotent on (target, slot), as the schedule module requires of a listener that may be
 * handed the same batch again.
 */
@Component
class BackupSlotListener {

	private final ScheduledRuns runs;

	BackupSlotListener(ScheduledRuns runs) {
		this.runs = runs;
	}

	@ApplicationModuleListener
	void on(BackupSlotsDue event) {
		this.runs.slotsDue(event.slots());
	}

	/**
	 * A single slot, as versions before batches published them: such publications still
	 * incomplete in the registry when this version starts are delivered here.
	 */
	@ApplicationModuleListener
	void on(BackupSlotDue event) {
		this.runs.slotsDue(List.of(event));
	}

}
