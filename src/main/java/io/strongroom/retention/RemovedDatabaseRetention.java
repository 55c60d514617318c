package io.strongroom.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.strongroom.target.DatabaseRemoved;
import io.strongroom.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A removed database's retention policy goes with it, and its backups are held: no policy
 * speaks for them any more, so only a person deletes them. A later database with the same
 * label starts from the policy its PUT sets (or the plan's defaults), which governs its
 * own backups, never the held ones. Until this listener has run, {@link Pruning} finds
 * the database gone and deletes nothing either. Idempotent: a second delivery finds the
 * policy gone and the backups held.
 */
@Component
class RemovedDatabaseRetention {

	private static final Logger log = LoggerFactory.getLogger(RemovedDatabaseRetention.class);

	private final StoredRetentionPolicyRepository policies;

	private final RetentionHoldRepository holds;

	private final Retention retention;

	private final Clock clock;

	RemovedDatabaseRetention(StoredRetentionPolicyRepository policies, RetentionHoldRepository holds,
			Retention retention, ObjectProvider<Clock> clock) {
		this.policies = policies;
		this.holds = holds;
		this.retention = retention;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@ApplicationModuleListener
	void on(DatabaseRemoved event) {
		TenantId tenant = event.tenant();
		String label = event.label().value();
		String reason = "kept after the database was removed on "
				+ LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<BackupRecord> ruled = this.retention.historyIfWired(tenant, label)
			.stream()
			.filter(RetentionDecision::governedByRules)
			.toList();
		for (BackupRecord backup : ruled) {
			if (!this.holds.existsById(backup.id())) {
				this.holds.save(new RetentionHold(tenant, label, backup.id(), reason, this.clock.instant()));
			}
		}
		this.policies.findByTenantIdAndDatabaseLabel(tenant.value(), label).ifPresent(this.policies::delete);
		log.info("Database {} of {} removed: its retention policy deleted, {} backups held", label, tenant,
				ruled.size());
	}

}
