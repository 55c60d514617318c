package io.strongroom.notify;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.tenant.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notify_missed_slot_ledger} table: per scheduled database, how far
 * {@link MissedSlotSweep} has looked.
 */
@Repository
class MissedSlotLedger {

	private final JdbcClient jdbc;

	MissedSlotLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How far one database's slots were looked at.
	 *
	 * @param schedule the schedule they were looked at under ({@code describe()} of its
	 * spec), to notice a change
	 * @param checkedThrough the latest slot looked at; every due slot up to it was looked
	 * at once
	 */
	record Mark(String schedule, Instant checkedThrough) {

		Mark {
			Objects.requireNonNull(schedule, "schedule");
			Objects.requireNonNull(checkedThrough, "checkedThrough");
		}

	}

	/** Every database's mark, unlocked: a cheap first look before locking one. */
	Map<UUID, Mark> all() {
		Map<UUID, Mark> marks = new HashMap<>();
		this.jdbc.sql("SELECT target_id, schedule, checked_through FROM notify_missed_slot_ledger").query((rs) -> {
			marks.put(rs.getObject("target_id", UUID.class), new Mark(rs.getString("schedule"),
					Objects.requireNonNull(DeliveryStore.instant(rs, "checked_through"))));
		});
		return marks;
	}

	/**
	 * The database's mark, created with {@code initial} if it has none, locked for the
	 * rest of the transaction so two sweeps look at its slots one after the other.
	 */
	Mark lock(UUID targetId, TenantId tenant, Mark initial, Instant now) {
		this.jdbc.sql("""
				INSERT INTO notify_missed_slot_ledger (target_id, tenant_id, schedule, checked_through, updated_at)
				VALUES (:target, :tenant, :schedule, :through, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("target", targetId)
			.param("tenant", tenant.value())
			.param("schedule", initial.schedule())
			.param("through", DeliveryStore.time(initial.checkedThrough()))
			.param("now", DeliveryStore.time(now))
			.update();
		return this.jdbc
			.sql("SELECT schedule, checked_through FROM notify_missed_slot_ledger WHERE target_id = :target FOR UPDATE")
			.param("target", targetId)
			.query((rs, row) -> new Mark(rs.getString("schedule"),
					Objects.requireNonNull(DeliveryStore.instant(rs, "checked_through"))))
			.single();
	}

	void save(UUID targetId, Mark mark, Instant now) {
		this.jdbc.sql("""
				UPDATE notify_missed_slot_ledger SET schedule = :schedule, checked_through = :through, updated_at = :now
				WHERE target_id = :target
				""")
			.param("target", targetId)
			.param("schedule", mark.schedule())
			.param("through", DeliveryStore.time(mark.checkedThrough()))
			.param("now", DeliveryStore.time(now))
			.update();
	}

	/** Forgets a database whose schedule is gone; returns whether it had a mark. */
	boolean forget(UUID targetId) {
		return this.jdbc.sql("DELETE FROM notify_missed_slot_ledger WHERE target_id = :target")
			.param("target", targetId)
			.update() > 0;
	}

	/** Forgets every database of a removed add-on. */
	int forgetAll(TenantId tenant) {
		return this.jdbc.sql("DELETE FROM notify_missed_slot_ledger WHERE tenant_id = :tenant")
			.param("tenant", tenant.value())
			.update();
	}

}
