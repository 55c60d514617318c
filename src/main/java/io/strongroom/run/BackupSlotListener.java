package io.strongroom.run;

import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.target.TargetId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A schedule slot fell due: queue its run. Idempotent on (target, slot), as the schedule
 * module requires of a listener that may be handed the same slot again.
 */
@Component
class BackupSlotListener {

	private final Runs runs;

	BackupSlotListener(Runs runs) {
		this.runs = runs;
	}

	@ApplicationModuleListener
	void on(BackupSlotDue event) {
		this.runs.slotDue(event.tenant(), new TargetId(event.targetId()), event.slot());
	}

}
