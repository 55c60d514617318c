package io.strongroom.retention;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.strongroom.retention.RetentionPlan.Action;
import io.strongroom.retention.RetentionPlan.Entry;
import io.strongroom.retention.RetentionPlan.Reason;
import io.strongroom.retention.RetentionPlan.Rule;
import io.strongroom.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of one database: preview the plan, carry it out, or delete one backup at a
 * person's request. The run records come from a {@link RetentionRecords} bean (the run
 * module's); the destination is passed in by the caller, who opens it for the database.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final RetentionPolicies policies;

	private final RetentionHoldRepository holds;

	private final ObjectProvider<RetentionRecords> records;

	private final Clock clock;

	Retention(RetentionPolicies policies, RetentionHoldRepository holds, ObjectProvider<RetentionRecords> records,
			ObjectProvider<Clock> clock) {
		this.policies = policies;
		this.holds = holds;
		this.records = records;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What the policy in force would do now, and why. Changes nothing. */
	@Transactional(readOnly = true)
	public RetentionPlan preview(TenantId tenant, String databaseLabel) {
		RetentionSettings settings = this.policies.settingsFor(tenant, databaseLabel);
		return settings.policy().apply(history(tenant, databaseLabel), settings.zone(), this.policies.limits(tenant));
	}

	/**
	 * Decides and carries out the plan: step 7 of a backup, after each successful run.
	 * Deletions that failed earlier are retried. Not transactional on purpose: each mark
	 * is committed by the records before the object is touched.
	 */
	public PruneReport prune(TenantId tenant, String databaseLabel, RetentionStore store) {
		RetentionSettings settings = this.policies.settingsInForce(tenant, databaseLabel);
		RetentionPlan plan = settings.policy()
			.apply(history(tenant, databaseLabel), settings.zone(), this.policies.limits(tenant));
		PruneReport report = RetentionExecutor.execute(tenant, plan, records(), store);
		log.info("Retention of {} {} ({}): kept {}, deleted {}, failed {}, refused {}", tenant, databaseLabel,
				settings.policy().describe(), plan.keep().size(),
				report.with(PruneReport.Status.DELETED).size() + report.with(PruneReport.Status.ALREADY_GONE).size(),
				report.with(PruneReport.Status.FAILED).size(), report.with(PruneReport.Status.REFUSED).size());
		return report;
	}

	/**
	 * Retention of a database that was removed: no policy applies and none is stored, so
	 * its backups stay until a person deletes them; only deletions that had already
	 * started are finished.
	 */
	public PruneReport pruneRemoved(TenantId tenant, String databaseLabel, RetentionStore store) {
		RetentionPlan plan = RetentionDecision.ofRemovedDatabase(history(tenant, databaseLabel), this.clock.getZone());
		PruneReport report = RetentionExecutor.execute(tenant, plan, records(), store);
		if (!report.outcomes().isEmpty()) {
			log.info("Retention of removed database {} {}: finished {} deletions started earlier, failed {}", tenant,
					databaseLabel,
					report.with(PruneReport.Status.DELETED).size()
							+ report.with(PruneReport.Status.ALREADY_GONE).size(),
					report.with(PruneReport.Status.FAILED).size());
		}
		return report;
	}

	/**
	 * Deletes one backup because a person asked (manual and held backups are deleted only
	 * this way), in the same order and with the same ownership checks as a prune.
	 * @throws IllegalArgumentException when the database has no such backup
	 */
	public PruneReport.Outcome delete(TenantId tenant, String databaseLabel, UUID runId, RetentionStore store) {
		BackupRecord backup = history(tenant, databaseLabel).stream()
			.filter((record) -> record.id().equals(runId) && record.isBackup())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No backup " + runId + " of " + databaseLabel));
		RetentionPlan plan = new RetentionPlan(RetentionPolicy.empty(), this.clock.getZone(),
				List.of(new Entry(backup, Action.REMOVE, List.of(new Reason(Rule.NO_RULE, "(deleted by a person)")))));
		PruneReport.Outcome outcome = RetentionExecutor.execute(tenant, plan, records(), store).outcomes().get(0);
		if (outcome.status() == PruneReport.Status.DELETED || outcome.status() == PruneReport.Status.ALREADY_GONE) {
			this.holds.deleteById(runId);
		}
		return outcome;
	}

	/** The run history with holds applied. */
	List<BackupRecord> history(TenantId tenant, String databaseLabel) {
		return history(records(), tenant, databaseLabel);
	}

	/** The history, or empty when no run records are wired (then nothing was pruned). */
	List<BackupRecord> historyIfWired(TenantId tenant, String databaseLabel) {
		RetentionRecords records = this.records.getIfAvailable();
		return (records != null) ? history(records, tenant, databaseLabel) : List.of();
	}

	private List<BackupRecord> history(RetentionRecords records, TenantId tenant, String databaseLabel) {
		Map<UUID, String> held = this.holds.findByTenantIdAndDatabaseLabel(tenant.value(), databaseLabel)
			.stream()
			.collect(Collectors.toMap(RetentionHold::runId, RetentionHold::reason));
		return records.history(tenant, databaseLabel)
			.stream()
			.map((record) -> (record.hold() == null && held.containsKey(record.id()))
					? record.withHold(held.get(record.id())) : record)
			.toList();
	}

	private RetentionRecords records() {
		RetentionRecords records = this.records.getIfAvailable();
		if (records == null) {
			throw new IllegalStateException("No RetentionRecords bean: the run module provides the run history");
		}
		return records;
	}

}
