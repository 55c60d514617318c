package io.strongroom.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.tenant.Plan;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the web side does the same way to both kinds of runner job (backup runs and
 * verifications): tickets, the launched runner, heartbeats, the deadline. Every change is
 * one short transaction with optimistic locking, so two web processes acting on the same
 * job resolve by one of them winning and the other re-reading it.
 */
class RunnerJobs<T extends RunnerJobEntity> {

	private static final Logger logger = LoggerFactory.getLogger(RunnerJobs.class);

	/** A plan that names no maximum run duration. */
	private static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(6);

	private final String noun;

	private final JpaRepository<T, UUID> rows;

	private final RunProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * @param noun what the jobs are called in log lines ({@code Run},
	 * {@code Verification})
	 */
	RunnerJobs(String noun, JpaRepository<T, UUID> rows, RunProperties properties, TransactionTemplate transactions,
			Clock clock) {
		this.noun = noun;
		this.rows = rows;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	Optional<T> find(UUID id) {
		return this.transactions.execute((status) -> this.rows.findById(id));
	}

	/**
	 * A fresh ticket for a launch at {@code now}: the job's deadline is the plan's
	 * maximum run duration away, and the ticket outlives it by the time the watchdog may
	 * need to cancel the job and hear back from its runner.
	 */
	RunTickets.Issued issueTicket(Optional<Plan> plan, Instant now) {
		Instant deadline = now.plus(plan.map(Plan::maxRunDuration).orElse(DEFAULT_MAX_DURATION));
		Instant expires = deadline.plus(this.properties.cancelGrace()).plus(this.properties.stallTimeout());
		return new RunTickets.Issued(RunTickets.newTicket(), deadline, expires);
	}

	/** Whether {@code ticket} is the live ticket of job {@code id}. */
	boolean accepts(UUID id, String ticket) {
		String hash = RunTickets.hash(ticket);
		Instant now = now();
		return find(id).map((job) -> job.acceptsTicket(hash, now)).orElse(false);
	}

	/**
	 * Records where the runner lives. False when the job ended meanwhile (cancelled while
	 * launching): the caller stops the runner.
	 */
	boolean launched(UUID id, LaunchHandle handle) {
		return changedIf(id, RunnerJobEntity::isLaunched, (job) -> job.launched(handle.ref()));
	}

	/** The runner fetched its spec: LAUNCHING → RUNNING. Answers the job as it is now. */
	T started(UUID id) {
		AtomicReference<T> started = new AtomicReference<>();
		changed(id, (job) -> {
			job.running(now());
			started.set(job);
			return true;
		});
		return started.get();
	}

	/** Records the runner's progress and answers whether it is to stop. */
	RunnerReports.HeartbeatAnswer heartbeat(UUID id, RunnerReports.Progress progress) {
		AtomicBoolean cancel = new AtomicBoolean();
		changed(id, (job) -> {
			job.heartbeat(progress.stage(), progress.bytesIn(), progress.bytesOut(), now());
			cancel.set(job.runner().cancelRequestedAt() != null);
			return true;
		});
		return new RunnerReports.HeartbeatAnswer(cancel.get());
	}

	/**
	 * Past the plan's maximum duration: asks the runner to stop. True when newly asked.
	 */
	boolean overdue(UUID id, String reason) {
		return changedIf(id, (job) -> job.isPastDeadline(now()) && job.runner().cancelRequestedAt() == null,
				(job) -> job.cancelRequested(reason, now()));
	}

	/**
	 * Applies {@code change} when {@code applies} holds for the job as it is now: another
	 * process may have changed it since it was last read.
	 * @return whether it applied
	 */
	boolean changedIf(UUID id, Predicate<T> applies, Consumer<T> change) {
		return changed(id, (job) -> {
			if (!applies.test(job)) {
				return false;
			}
			change.accept(job);
			return true;
		});
	}

	/**
	 * Applies {@code change} to the job in a transaction, retrying when another process
	 * changed it at the same time.
	 * @return what {@code change} answered (whether it changed the job); false when there
	 * is no such job
	 */
	boolean changed(UUID id, Function<T, Boolean> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(this.transactions.execute((status) -> {
					T job = this.rows.findById(id).orElse(null);
					if (job == null) {
						return false;
					}
					boolean changed = change.apply(job);
					if (changed) {
						this.rows.saveAndFlush(job);
					}
					return changed;
				}));
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt >= 5) {
					throw ex;
				}
				logger.debug("{} {} changed concurrently; retrying", this.noun, id);
			}
		}
	}

}
