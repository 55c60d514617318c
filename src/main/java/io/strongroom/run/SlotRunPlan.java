package io.strongroom.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;

/**
 * What a batch of due schedule slots makes, decided from what is stored (no I/O): for
 * each slot, in order, one of
 * <ul>
 * <li>{@link Removed}: its database is gone (or is not the slot's tenant's):
 * nothing;</li>
 * <li>{@link AlreadyMade}: the slot has its run (a repeated delivery): nothing new;</li>
 * <li>{@link Joins}: a run of the database is still active: the slot joins it;</li>
 * <li>{@link Create}: a new QUEUED run.</li>
 * </ul>
 * A slot of the same database later in the batch sees the runs created before it.
 */
final class SlotRunPlan {

	private SlotRunPlan() {
	}

	/**
	 * A stored run of one of the batch's databases: its slot's run, or its active run.
	 */
	record StoredRun(UUID id, UUID targetId, @Nullable Instant slot, RunState state) {

	}

	sealed interface Decision permits Removed, AlreadyMade, Joins, Create {

		BackupSlotDue slot();

	}

	record Removed(BackupSlotDue slot) implements Decision {

	}

	record AlreadyMade(BackupSlotDue slot, UUID run) implements Decision {

	}

	record Joins(BackupSlotDue slot, UUID run, RunState state) implements Decision {

	}

	record Create(BackupSlotDue slot, BackupRun run) implements Decision {

	}

	/**
	 * @param labels the label of each database that still exists and belongs to its
	 * slot's tenant
	 * @param stored the batch's databases' active runs and their runs for the batch's
	 * slots (runs of other slots are ignored)
	 * @param at when new runs are created
	 */
	static List<Decision> decide(List<BackupSlotDue> slots, Map<TargetId, DatabaseLabel> labels, List<StoredRun> stored,
			Instant at) {
		Map<SlotKey, UUID> bySlot = new HashMap<>();
		Map<UUID, StoredRun> active = new HashMap<>();
		for (StoredRun run : stored) {
			if (run.slot() != null) {
				bySlot.put(new SlotKey(run.targetId(), run.slot()), run.id());
			}
			if (run.state().isActive()) {
				active.put(run.targetId(), run);
			}
		}
		List<Decision> decisions = new ArrayList<>(slots.size());
		for (BackupSlotDue slot : slots) {
			TargetId target = new TargetId(slot.targetId());
			DatabaseLabel label = labels.get(target);
			UUID same = bySlot.get(new SlotKey(slot.targetId(), slot.slot()));
			StoredRun running = active.get(slot.targetId());
			if (label == null) {
				decisions.add(new Removed(slot));
			}
			else if (same != null) {
				decisions.add(new AlreadyMade(slot, same));
			}
			else if (running != null) {
				decisions.add(new Joins(slot, running.id(), running.state()));
			}
			else {
				BackupRun run = BackupRun.queued(slot.tenant(), target, label, RunOrigin.SCHEDULE, slot.slot(), at);
				decisions.add(new Create(slot, run));
				bySlot.put(new SlotKey(slot.targetId(), slot.slot()), run.id().value());
				active.put(slot.targetId(), new StoredRun(run.id().value(), slot.targetId(), slot.slot(), run.state()));
			}
		}
		return decisions;
	}

	private record SlotKey(UUID targetId, Instant slot) {

	}

}
