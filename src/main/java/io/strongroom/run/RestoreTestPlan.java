package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.strongroom.tenant.RestoreTests;

/**
 * Whether a verification also restores the backup, and into what. Decided purely, when
 * the verification is launched, from the plan's allowance, the database's last restore
 * test and where a restore could go.
 *
 * @param mode where the restore goes, or {@link Mode#NONE} for an integrity check only
 * @param note why there is no restore test (for {@link Mode#NONE}), for the result's
 * detail
 */
record RestoreTestPlan(Mode mode, @Nullable String note) {

	/** How far apart weekly restore tests of one database are at least. */
	static final Duration WEEK = Duration.ofDays(7);

	enum Mode {

		/** Integrity check only. */
		NONE,
		/** The customer's verification database, which must be empty. */
		EXISTING,
		/** A database Strongroom creates on the operator's scratch server and drops. */
		CREATE

	}

	/** Whether the operator's scratch server can take a restore of this engine. */
	enum Scratch {

		/** No {@code strongroom.verify.scratch-url}, or runners are not local. */
		NONE,
		/** A scratch server of another engine. */
		OTHER_ENGINE, AVAILABLE

	}

	/**
	 * @param plan the plan's slug, for the note
	 * @param allowance how often the plan allows restore tests
	 * @param lastRestoreTest when this database's last restore test ended, if any
	 * @param now the time of the decision
	 * @param verificationDatabase whether the customer configured a verification database
	 * @param scratch what the operator's scratch server offers
	 */
	static RestoreTestPlan decide(String plan, RestoreTests allowance, @Nullable Instant lastRestoreTest, Instant now,
			boolean verificationDatabase, Scratch scratch) {
		if (allowance == RestoreTests.NONE) {
			return none("the " + plan + " plan includes no restore tests (integrity check only)");
		}
		if (allowance == RestoreTests.WEEKLY && lastRestoreTest != null && lastRestoreTest.plus(WEEK).isAfter(now)) {
			return none("the " + plan + " plan allows one restore test a week and this database had one at "
					+ lastRestoreTest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "; the next is due from "
					+ lastRestoreTest.plus(WEEK).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		}
		if (verificationDatabase) {
			return new RestoreTestPlan(Mode.EXISTING, null);
		}
		if (scratch == Scratch.AVAILABLE) {
			return new RestoreTestPlan(Mode.CREATE, null);
		}
		if (scratch == Scratch.OTHER_ENGINE) {
			return none("no verification database is configured and this Strongroom's scratch server is of another"
					+ " engine; set verificationUrl on the database to an empty database of the same engine");
		}
		return none("no verification database is configured; set verificationUrl on the database"
				+ " (PUT /api/v1/databases/<label>) to an empty scratch database of the same engine");
	}

	/** Whether a scratch server URL's scheme can take a restore of {@code engine}. */
	static boolean sameEngine(String scratchUrl, String engine) {
		int colon = scratchUrl.indexOf(':');
		String scheme = (colon > 0) ? scratchUrl.substring(0, colon).toLowerCase(Locale.ROOT) : "";
		boolean postgres = scheme.equals("postgres") || scheme.equals("postgresql");
		boolean mysql = scheme.equals("mysql") || scheme.equals("mariadb");
		return "postgres".equals(engine) ? postgres : mysql;
	}

	private static RestoreTestPlan none(String note) {
		return new RestoreTestPlan(Mode.NONE, note);
	}

	boolean restores() {
		return this.mode != Mode.NONE;
	}

}
