package io.strongroom.run;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the runner jobs of one launcher that are under way (backup runs and
 * verifications, LAUNCHING or RUNNING), from the database rather than from a process's
 * memory. So the count is the same in every web process and survives a restart, and a job
 * leaves it in the transaction that ends it, whoever ends it: its runner's own report,
 * the watchdog, a cancel.
 */
class LaunchedRunners {

	private static final String COUNT = """
			SELECT (SELECT COUNT(*) FROM run_backup WHERE launcher = :launcher AND state IN ('LAUNCHING', 'RUNNING'))
			     + (SELECT COUNT(*) FROM run_verification WHERE launcher = :launcher AND state IN ('LAUNCHING', 'RUNNING'))
			""";

	private final JdbcClient jdbc;

	LaunchedRunners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The launcher's jobs under way now. */
	int count(String launcher) {
		return this.jdbc.sql(COUNT).param("launcher", launcher).query(Integer.class).single();
	}

	/**
	 * The count, taken inside the transaction that is about to claim a job for the
	 * launcher, after locking the launcher's row in {@code run_launcher_lock} until that
	 * transaction ends: two web processes claiming at the same moment count one after the
	 * other, and the second sees the first's claim.
	 * @throws IllegalStateException outside a transaction (the lock would end at once),
	 * or for a launcher without a lock row
	 */
	int countForClaim(String launcher) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Counting " + launcher + " runners for a claim needs the claim's transaction");
		}
		this.jdbc.sql("SELECT launcher FROM run_launcher_lock WHERE launcher = :launcher FOR UPDATE")
			.param("launcher", launcher)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("run_launcher_lock has no row for " + launcher));
		return count(launcher);
	}

}
