package io.strongroom.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A clock tests move ({@link #CLOCK}, shared by every context in the JVM) and a listener
 * that records every slot of every {@link BackupSlotsDue} it is handed, as the run module
 * would.
 */
@TestConfiguration(proxyBeanMethods = false)
class ScheduleTestConfiguration {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

	@Bean
	@Primary
	Clock testClock() {
		return CLOCK;
	}

	@Bean
	ReceivedSlots receivedSlots(Environment environment) {
		return new ReceivedSlots(environment.getProperty("test.node", "single"));
	}

	/** Every delivery, in order; a redelivery appears twice. */
	static class ReceivedSlots {

		static final Queue<Received> ALL = new ConcurrentLinkedQueue<>();

		/**
		 * Targets whose first delivery fails (with its whole batch), to prove redelivery.
		 */
		static final Queue<UUID> FAIL_ONCE = new ConcurrentLinkedQueue<>();

		private final String node;

		ReceivedSlots(String node) {
			this.node = node;
		}

		@ApplicationModuleListener
		void on(BackupSlotsDue event) {
			Instant now = Instant.now();
			event.slots().forEach((slot) -> ALL.add(new Received(slot, this.node, now)));
			for (BackupSlotDue slot : event.slots()) {
				if (FAIL_ONCE.remove(slot.targetId())) {
					throw new IllegalStateException("First delivery of " + slot.targetId() + " fails on purpose");
				}
			}
		}

		static List<BackupSlotDue> of(UUID targetId) {
			return ALL.stream().map(Received::event).filter((e) -> e.targetId().equals(targetId)).toList();
		}

		static List<BackupSlotDue> matching(Predicate<BackupSlotDue> predicate) {
			return ALL.stream().map(Received::event).filter(predicate).toList();
		}

	}

	record Received(BackupSlotDue event, String node, Instant at) {

	}

}
