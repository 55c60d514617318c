package io.strongroom.run;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.retention.Pruning;
import io.strongroom.retention.PruneReport;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Step 7 of a backup: after a run's success is committed, its database is pruned, on the
 * event executor, not on the runner's callback. The event publication is kept until this
 * listener returns (and republished after a restart), and retention's periodic sweep
 * prunes every database anyway, so a prune lost to a crash or a failed delete is done
 * later. A failure is logged here rather than thrown: the sweep is the retry.
 */
@Component
class RunRetentionListener {

	private static final Logger log = LoggerFactory.getLogger(RunRetentionListener.class);

	private final Pruning pruning;

	RunRetentionListener(Pruning pruning) {
		this.pruning = pruning;
	}

	// Not an @ApplicationModuleListener: that one runs in a transaction, and retention
	// must commit each mark before it touches the object.
	@Async
	@TransactionalEventListener
	void on(BackupSucceeded event) {
		try {
			Optional<PruneReport> report = this.pruning.prune(event.tenant(), event.database().value());
			if (report.isPresent() && !report.get().complete()) {
				log.info("Retention after backup {}: {} deletions left for the next sweep", event.run(),
						report.get().outcomes().size() - report.get().with(PruneReport.Status.DELETED).size()
								- report.get().with(PruneReport.Status.ALREADY_GONE).size());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Retention after backup {} of {} failed; the next sweep retries: {}: {}", event.run(),
					event.database(), ex.getClass().getSimpleName(), ex.getMessage());
		}
	}

}
