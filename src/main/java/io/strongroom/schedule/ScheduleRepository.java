package io.strongroom.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code schedule} table. Plain JDBC: the dispatcher claims and advances hundreds of
 * rows per transaction with batched, conditional updates.
 */
@Repository
class ScheduleRepository {

	private static final String COLUMNS = "target_id, tenant_id, frequency, minute_of_hour, hour_of_day, day_of_week, "
			+ "day_of_month, time_zone, next_slot_at";

	private final JdbcTemplate jdbc;

	private final RowMapper<StoredSchedule> mapper = this::map;

	ScheduleRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredSchedule> find(UUID targetId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM schedule WHERE target_id = ?", this.mapper, targetId)
			.stream()
			.findFirst();
	}

	List<StoredSchedule> findByTenant(TenantId tenant) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM schedule WHERE tenant_id = ? ORDER BY target_id",
				this.mapper, tenant.value());
	}

	/** Every recurring schedule with its slots; rows that no longer read are skipped. */
	List<ScheduledSlots> findRecurring() {
		List<@Nullable ScheduledSlots> rows = this.jdbc.query("SELECT " + COLUMNS
				+ ", last_slot_at FROM schedule WHERE frequency <> 'MANUAL' AND next_slot_at IS NOT NULL ORDER BY target_id",
				(rs, row) -> {
					try {
						StoredSchedule stored = map(rs, row);
						OffsetDateTime last = rs.getObject("last_slot_at", OffsetDateTime.class);
						return new ScheduledSlots(stored.tenant(), stored.targetId(), stored.spec(),
								stored.nextSlotAt(), (last != null) ? last.toInstant() : null);
					}
					catch (UnreadableScheduleException ex) {
						// the dispatcher logs and postpones it; nothing is due from it
						return null;
					}
				});
		return rows.stream().filter(java.util.Objects::nonNull).map(java.util.Objects::requireNonNull).toList();
	}

	void insert(StoredSchedule schedule, Instant now) {
		Columns c = Columns.of(schedule.spec());
		this.jdbc
			.update("INSERT INTO schedule (target_id, tenant_id, frequency, minute_of_hour, hour_of_day, day_of_week, "
					+ "day_of_month, time_zone, bucket, next_slot_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					schedule.targetId(), schedule.tenant().value(), c.frequency(), c.minute(), c.hour(), c.dayOfWeek(),
					c.dayOfMonth(), c.zone(), StoredSchedule.bucket(schedule.targetId()),
					timestamp(schedule.nextSlotAt()), timestamp(now));
	}

	/** Replaces the spec and the next slot; a dispatched slot stays recorded. */
	int update(StoredSchedule schedule, Instant now) {
		Columns c = Columns.of(schedule.spec());
		return this.jdbc.update(
				"UPDATE schedule SET frequency = ?, minute_of_hour = ?, hour_of_day = ?, day_of_week = ?, "
						+ "day_of_month = ?, time_zone = ?, next_slot_at = ?, updated_at = ? WHERE target_id = ?",
				c.frequency(), c.minute(), c.hour(), c.dayOfWeek(), c.dayOfMonth(), c.zone(),
				timestamp(schedule.nextSlotAt()), timestamp(now), schedule.targetId());
	}

	int delete(UUID targetId) {
		return this.jdbc.update("DELETE FROM schedule WHERE target_id = ?", targetId);
	}

	int deleteByTenant(TenantId tenant) {
		return this.jdbc.update("DELETE FROM schedule WHERE tenant_id = ?", tenant.value());
	}

	/**
	 * Schedules of one shard whose next slot is at or before {@code now}, oldest first.
	 */
	List<StoredSchedule> findDue(Instant now, int shard, int shards, int limit) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM schedule WHERE next_slot_at <= ? AND MOD(bucket, ?) = ? "
						+ "ORDER BY next_slot_at, target_id LIMIT ?",
				this.mapper, timestamp(now), shards, shard, limit);
	}

	/**
	 * Moves each schedule from the slot it was claimed at to its next slot, only if no
	 * one moved it in between (compare-and-set on {@code next_slot_at}).
	 * @return per advance, whether this transaction moved the row
	 */
	boolean[] advance(List<Advance> advances, Instant now) {
		String sql = "UPDATE schedule SET next_slot_at = ?, last_slot_at = ?, updated_at = ? "
				+ "WHERE target_id = ? AND next_slot_at = ?";
		int[][] counts = this.jdbc.batchUpdate(sql, advances, advances.size(), (ps, advance) -> {
			ps.setObject(1, timestamp(advance.next()));
			ps.setObject(2, timestamp(advance.slot()));
			ps.setObject(3, timestamp(now));
			ps.setObject(4, advance.targetId());
			ps.setObject(5, timestamp(advance.claimedAt()));
		});
		boolean[] moved = new boolean[advances.size()];
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count == Statement.SUCCESS_NO_INFO) {
					// A driver that cannot say per row: ask row by row, so no slot is
					// published
					// without its row having moved.
					return advanceOneByOne(sql, advances, now);
				}
				moved[i++] = count == 1;
			}
		}
		return moved;
	}

	private boolean[] advanceOneByOne(String sql, List<Advance> advances, Instant now) {
		boolean[] moved = new boolean[advances.size()];
		for (int i = 0; i < advances.size(); i++) {
			Advance advance = advances.get(i);
			moved[i] = this.jdbc.update(sql, timestamp(advance.next()), timestamp(advance.slot()), timestamp(now),
					advance.targetId(), timestamp(advance.claimedAt())) == 1;
		}
		return moved;
	}

	/**
	 * Sets (or, with {@code null}, clears: paused) the next slot of a schedule; returns
	 * whether a row changed.
	 */
	boolean setNextSlot(UUID targetId, @Nullable Instant next, Instant now) {
		return this.jdbc.update("UPDATE schedule SET next_slot_at = ?, updated_at = ? WHERE target_id = ?",
				(next != null) ? timestamp(next) : null, timestamp(now), targetId) == 1;
	}

	/** Pushes a schedule that cannot be read forward, so it does not block its shard. */
	void postpone(UUID targetId, Instant claimedAt, Instant until, Instant now) {
		this.jdbc.update(
				"UPDATE schedule SET next_slot_at = ?, updated_at = ? WHERE target_id = ? AND next_slot_at = ?",
				timestamp(until), timestamp(now), targetId, timestamp(claimedAt));
	}

	private StoredSchedule map(ResultSet rs, int row) throws SQLException {
		UUID targetId = rs.getObject("target_id", UUID.class);
		TenantId tenant = new TenantId(rs.getObject("tenant_id", UUID.class));
		OffsetDateTime next = rs.getObject("next_slot_at", OffsetDateTime.class);
		ScheduleSpec spec;
		try {
			spec = new Columns(rs.getString("frequency"), integer(rs, "minute_of_hour"), integer(rs, "hour_of_day"),
					rs.getString("day_of_week"), integer(rs, "day_of_month"), rs.getString("time_zone"))
				.toSpec();
		}
		catch (RuntimeException ex) {
			throw new UnreadableScheduleException(targetId, (next != null) ? next.toInstant() : null, ex);
		}
		return new StoredSchedule(targetId, tenant, spec, (next != null) ? next.toInstant() : null);
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A due schedule and where it moves. */
	record Advance(UUID targetId, Instant claimedAt, Instant slot, Instant next) {

	}

	/**
	 * A stored spec that no longer reads (a zone the JVM's tz database dropped, say).
	 */
	static class UnreadableScheduleException extends RuntimeException {

		private final UUID targetId;

		private final @Nullable Instant nextSlotAt;

		UnreadableScheduleException(UUID targetId, @Nullable Instant nextSlotAt, RuntimeException cause) {
			super("The schedule of target " + targetId + " cannot be read: " + cause.getMessage(), cause);
			this.targetId = targetId;
			this.nextSlotAt = nextSlotAt;
		}

		UUID targetId() {
			return this.targetId;
		}

		@Nullable Instant nextSlotAt() {
			return this.nextSlotAt;
		}

	}

	/** A spec in the table's columns. */
	record Columns(String frequency, @Nullable Integer minute, @Nullable Integer hour, @Nullable String dayOfWeek,
			@Nullable Integer dayOfMonth, @Nullable String zone) {

		static Columns of(ScheduleSpec spec) {
			if (spec instanceof ScheduleSpec.Hourly hourly) {
				return new Columns("HOURLY", hourly.minute(), null, null, null, hourly.zone().getId());
			}
			if (spec instanceof ScheduleSpec.Daily daily) {
				return new Columns("DAILY", daily.time().getMinute(), daily.time().getHour(), null, null,
						daily.zone().getId());
			}
			if (spec instanceof ScheduleSpec.Weekly weekly) {
				return new Columns("WEEKLY", weekly.time().getMinute(), weekly.time().getHour(),
						weekly.dayOfWeek().name(), null, weekly.zone().getId());
			}
			if (spec instanceof ScheduleSpec.Monthly monthly) {
				return new Columns("MONTHLY", monthly.time().getMinute(), monthly.time().getHour(), null,
						monthly.dayOfMonth(), monthly.zone().getId());
			}
			return new Columns("MANUAL", null, null, null, null, null);
		}

		ScheduleSpec toSpec() {
			return switch (this.frequency) {
				case "HOURLY" -> ScheduleSpec.hourly(this.minute, zoneId());
				case "DAILY" -> ScheduleSpec.daily(time(), zoneId());
				case "WEEKLY" -> ScheduleSpec.weekly(DayOfWeek.valueOf(this.dayOfWeek), time(), zoneId());
				case "MONTHLY" -> ScheduleSpec.monthly(this.dayOfMonth, time(), zoneId());
				case "MANUAL" -> ScheduleSpec.manual();
				default -> throw new IllegalStateException("Unknown frequency " + this.frequency);
			};
		}

		private LocalTime time() {
			return LocalTime.of(this.hour, this.minute);
		}

		private ZoneId zoneId() {
			return ZoneId.of(this.zone);
		}

	}

}
