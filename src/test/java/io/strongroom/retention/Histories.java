package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.strongroom.retention.BackupRecord.Deletion;
import io.strongroom.retention.BackupRecord.Origin;
import io.strongroom.retention.BackupRecord.State;
import io.strongroom.retention.BackupRecord.Verification;

/** Run histories for retention tests: one fixed (golden files) and random ones. */
final class Histories {

	static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/Los_Angeles"),
			ZoneId.of("Europe/Berlin"), ZoneId.of("Pacific/Auckland"), ZoneId.of("Asia/Kolkata"));

	/** The plans' max-retention in application.properties. */
	static final RetentionLimits TEST_PLAN = new RetentionLimits(Duration.ofDays(7));

	static final RetentionLimits BASIC = new RetentionLimits(Duration.ofDays(92));

	static final RetentionLimits PRO = new RetentionLimits(Duration.ofDays(731));

	/** Shortest first; a day too, shorter than any plan, for the bound's edges. */
	static final List<RetentionLimits> LIMITS = List.of(new RetentionLimits(Duration.ofDays(1)), TEST_PLAN, BASIC, PRO);

	private Histories() {
	}

	static UUID id(int n) {
		return new UUID(0, n);
	}

	static String key(Instant at, UUID id) {
		return "backups/acme/DATABASE/" + at + "-" + id + ".dump.zst.enc";
	}

	static BackupRecord scheduled(int n, Instant at) {
		return BackupRecord.scheduled(id(n), at, key(at, id(n)));
	}

	/**
	 * About 160 runs of one database, newest on 2026-11-22 03:00 UTC: weekly backups for
	 * 16 months, then daily ones (some failed) for two months, hourly ones for the last
	 * day, two manual ones, one not written by Strongroom, one whose deletion did not
	 * finish, one held, one whose verification failed.
	 */
	static List<BackupRecord> fixed() {
		List<BackupRecord> history = new ArrayList<>();
		int n = 0;
		Instant weekly = Instant.parse("2025-06-01T03:00:00Z");
		Instant dailyFrom = Instant.parse("2026-09-21T03:00:00Z");
		for (Instant at = weekly; at.isBefore(dailyFrom); at = at.plus(Duration.ofDays(7))) {
			history.add(scheduled(++n, at).withVerification(Verification.PASSED));
		}
		int day = 0;
		for (Instant at = dailyFrom; !at.isAfter(Instant.parse("2026-11-22T03:00:00Z")); at = at
			.plus(Duration.ofDays(1))) {
			n++;
			if (day++ % 11 == 4) {
				history.add(new BackupRecord(id(n), Origin.SCHEDULED, State.FAILED, at, Verification.PENDING, true,
						null, Deletion.NONE, null));
				continue;
			}
			Verification verification = at.isAfter(Instant.parse("2026-11-19T12:00:00Z")) ? Verification.PENDING
					: Verification.PASSED;
			history.add(scheduled(n, at).withVerification(verification));
		}
		for (Instant at = Instant.parse("2026-11-21T12:00:00Z"); at
			.isBefore(Instant.parse("2026-11-22T00:00:00Z")); at = at.plus(Duration.ofHours(1))) {
			history.add(scheduled(++n, at.plusSeconds(420)));
		}
		history.add(scheduled(++n, Instant.parse("2026-10-05T15:12:00Z")).withOrigin(Origin.MANUAL));
		history.add(scheduled(++n, Instant.parse("2026-03-14T09:00:00Z")).withOrigin(Origin.MANUAL)
			.withVerification(Verification.PASSED));
		Instant foreign = Instant.parse("2026-08-01T10:00:00Z");
		history.add(new BackupRecord(id(++n), Origin.SCHEDULED, State.SUCCEEDED, foreign, Verification.PENDING, false,
				key(foreign, id(n)), Deletion.NONE, null));
		history.add(scheduled(++n, Instant.parse("2026-07-01T04:00:00Z")).withDeletion(Deletion.DELETING));
		history.add(scheduled(++n, Instant.parse("2026-07-02T04:00:00Z")).withDeletion(Deletion.DELETED));
		history.add(scheduled(++n, Instant.parse("2026-05-17T05:00:00Z"))
			.withHold("kept through the downgrade to basic on 2026-06-01"));
		history.add(scheduled(++n, Instant.parse("2026-11-18T15:00:00Z")).withVerification(Verification.FAILED));
		history.add(new BackupRecord(id(++n), Origin.SCHEDULED, State.IN_PROGRESS, null, Verification.PENDING, true,
				null, Deletion.NONE, null));
		return history;
	}

	/** A random history: 0 to 80 runs over up to three years, every kind of record. */
	static List<BackupRecord> random(Random random) {
		int size = random.nextInt(81);
		Instant newest = Instant.parse("2026-11-22T03:00:00Z");
		long span = switch (random.nextInt(4)) {
			case 0 -> Duration.ofDays(2).toSeconds();
			case 1 -> Duration.ofDays(40).toSeconds();
			case 2 -> Duration.ofDays(400).toSeconds();
			default -> Duration.ofDays(1100).toSeconds();
		};
		List<BackupRecord> history = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			// whole minutes, so equal finish times (ties) happen too
			Instant at = newest.minusSeconds((random.nextLong(span) / 60) * 60);
			int roll = random.nextInt(100);
			State state = (roll < 75) ? State.SUCCEEDED
					: (roll < 88) ? State.FAILED : (roll < 95) ? State.CANCELLED : State.IN_PROGRESS;
			Origin origin = (random.nextInt(10) == 0) ? Origin.MANUAL : Origin.SCHEDULED;
			Verification verification = Verification.values()[random.nextInt(Verification.values().length)];
			boolean written = random.nextInt(15) != 0;
			Deletion deletion = switch (random.nextInt(20)) {
				case 0 -> Deletion.DELETING;
				case 1 -> Deletion.DELETED;
				default -> Deletion.NONE;
			};
			String hold = (random.nextInt(25) == 0) ? "held by a person" : null;
			UUID id = new UUID(random.nextLong(), random.nextLong());
			boolean finished = state != State.IN_PROGRESS;
			history.add(new BackupRecord(id, origin, state, finished ? at : null, verification, written,
					(state == State.SUCCEEDED) ? key(at, id) : null, deletion, hold));
		}
		return history;
	}

	/** A random policy; about one in eight is empty. */
	static RetentionPolicy randomPolicy(Random random) {
		if (random.nextInt(8) == 0) {
			return RetentionPolicy.empty();
		}
		Duration within = switch (random.nextInt(6)) {
			case 0 -> Duration.ofHours(1 + random.nextInt(48));
			case 1 -> Duration.ofDays(1 + random.nextInt(400));
			default -> null;
		};
		return new RetentionPolicy(within, count(random), count(random), count(random), count(random), count(random),
				count(random));
	}

	private static int count(Random random) {
		return (random.nextInt(3) == 0) ? random.nextInt(15) : 0;
	}

}
