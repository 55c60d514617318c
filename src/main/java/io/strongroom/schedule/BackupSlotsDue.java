package io.strongroom.schedule;

import java.util.List;
import java.util.Objects;

/**
 * The schedule slots one dispatcher batch moved, published once for the whole batch
 * through Spring Modulith's event publication registry in the same transaction that
 * advanced the schedules: one publication (and one listener transaction) per batch
 * instead of one per slot. Each slot is in at most one event in normal operation.
 * <p>
 * Idempotency contract: a listener that failed, or whose process died, is handed the same
 * event again, whole. Listeners must therefore be idempotent on {@code (targetId, slot)}
 * for every slot of the event: a second delivery, or two deliveries at once in two
 * processes, must make nothing new and must not fail.
 *
 * @param slots the slots, in the order the dispatcher claimed them; never empty
 */
public record BackupSlotsDue(List<BackupSlotDue> slots) {

	public BackupSlotsDue {
		Objects.requireNonNull(slots, "slots");
		if (slots.isEmpty()) {
			throw new IllegalArgumentException("A batch of due slots has at least one slot");
		}
		slots = List.copyOf(slots);
	}

}
