package io.strongroom.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DatabaseView;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.DestinationType;
import io.strongroom.target.TargetId;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.Targets;
import io.strongroom.tenant.TenantId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backup runs as tenants see them: ask for one, list, read, cancel, get a download link.
 * Every method is scoped to one tenant: another tenant's run ids are not found.
 */
public class Runs {

	private static final Logger logger = LoggerFactory.getLogger(Runs.class);

	/** How long a download link works. */
	static final Duration DOWNLOAD_TTL = Duration.ofMinutes(30);

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final BackupRunRepository runs;

	private final RunLifecycle lifecycle;

	private final RunDispatcher dispatcher;

	private final RunLog log;

	private final Targets targets;

	private final DestinationClient destinations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final ScheduledRuns scheduled;

	Runs(BackupRunRepository runs, RunLifecycle lifecycle, RunDispatcher dispatcher, RunLog log, Targets targets,
			DestinationClient destinations, ApplicationEventPublisher events, TransactionTemplate transactions,
			JsonMapper json, ScheduledRuns scheduled) {
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.dispatcher = dispatcher;
		this.log = log;
		this.targets = targets;
		this.destinations = destinations;
		this.events = events;
		this.transactions = transactions;
		this.json = json;
		this.scheduled = scheduled;
	}

	/**
	 * Asks for a backup of the database now. While one of its runs is active, that run is
	 * the answer; otherwise a new run is QUEUED.
	 * @throws TargetNotFoundException for an unknown label
	 * @throws io.strongroom.target.TargetNotReadyException when the destination, the key
	 * or the URL is missing
	 */
	public RunView request(TenantId tenant, DatabaseLabel label) {
		DatabaseView database = this.targets.database(tenant, label)
			.orElseThrow(() -> new TargetNotFoundException("No database labelled " + label + " on this add-on"));
		this.targets.runnable(tenant, database.id());
		return enqueue(tenant, database.id(), label);
	}

	/**
	 * A schedule slot fell due: the batch path ({@link ScheduledRuns}) with one slot.
	 * Idempotent on {@code (target, slot)}: a repeated slot returns the run it made.
	 * While a run of the database is still active the slot joins it (no second run); a
	 * database removed meanwhile makes no run.
	 */
	public Optional<RunView> slotDue(TenantId tenant, TargetId target, Instant slot) {
		List<SlotRunPlan.Decision> decisions = this.scheduled
			.slotsDue(List.of(new BackupSlotDue(tenant, target.value(), slot)));
		if (decisions.get(0) instanceof SlotRunPlan.Removed) {
			return Optional.empty();
		}
		return this.transactions.execute((status) -> this.runs.findByTargetIdAndSlot(target.value(), slot)
			.or(() -> this.runs.findByActiveTargetId(target.value()))
			.map(this::view));
	}

	private RunView enqueue(TenantId tenant, TargetId target, DatabaseLabel label) {
		for (int attempt = 1;; attempt++) {
			try {
				boolean[] created = new boolean[1];
				RunView view = this.transactions.execute((status) -> {
					Optional<BackupRun> active = this.runs.findByActiveTargetId(target.value());
					if (active.isPresent()) {
						return view(active.get());
					}
					BackupRun run = BackupRun.queued(tenant, target, label, RunOrigin.MANUAL, null,
							this.lifecycle.now());
					this.runs.saveAndFlush(run);
					created[0] = true;
					return view(run);
				});
				if (created[0]) {
					this.dispatcher.wakeUp();
				}
				return view;
			}
			catch (DataIntegrityViolationException ex) {
				// Another process queued a run of this database at the same moment; the
				// next attempt finds it.
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	public RunView find(TenantId tenant, BackupRunId id) {
		return this.transactions.execute((status) -> view(load(tenant, id)));
	}

	/**
	 * Runs newest first, {@code limit} at a time; pass the previous page's
	 * {@code nextCursor} for the next one.
	 * @throws InvalidCursorException for a cursor this method did not make
	 */
	public RunPage list(TenantId tenant, RunFilter filter, @Nullable String cursor, int limit) {
		Cursor after = (cursor != null && !cursor.isBlank()) ? Cursor.parse(cursor) : null;
		Specification<BackupRun> spec = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(cb.equal(root.get("tenantId"), tenant.value()));
			if (filter.database() != null) {
				predicates.add(cb.equal(root.get("databaseLabel"), filter.database().value()));
			}
			if (filter.status() != null) {
				predicates.add(cb.equal(root.get("state"), filter.status()));
			}
			if (after != null) {
				predicates.add(cb.or(cb.lessThan(root.get("createdAt"), after.createdAt()), cb
					.and(cb.equal(root.get("createdAt"), after.createdAt()), cb.lessThan(root.get("id"), after.id()))));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		Sort newestFirst = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
		return this.transactions.execute((status) -> {
			List<BackupRun> page = this.runs.findBy(spec, (q) -> q.sortBy(newestFirst).limit(limit + 1).all());
			List<RunView> items = page.stream().limit(limit).map(this::view).toList();
			String next = null;
			if (page.size() > limit) {
				BackupRun last = page.get(limit - 1);
				next = new Cursor(last.createdAt(), last.id().value()).format();
			}
			return new RunPage(items, next);
		});
	}

	/**
	 * Cancels a run: a queued one at once; a launched one is told to stop at its next
	 * heartbeat, and marked CANCELLED when it confirms or after the grace period.
	 * @throws IllegalRunTransitionException for a run that already ended
	 */
	public RunView cancel(TenantId tenant, BackupRunId id) {
		load(tenant, id);
		this.lifecycle.changed(id, (run) -> {
			if (run.cancelRequested("Cancelled on request", this.lifecycle.now())) {
				RunEvents.finished(this.events, run);
			}
			return true;
		});
		return find(tenant, id);
	}

	/** Cancels every active run of the tenant (queued ones at once). */
	public void cancelAll(TenantId tenant, String reason) {
		List<BackupRunId> active = this.transactions.execute((status) -> this.runs
			.findByTenantIdAndStateIn(tenant.value(), List.of(RunState.QUEUED, RunState.LAUNCHING, RunState.RUNNING))
			.stream()
			.map(BackupRun::id)
			.toList());
		for (BackupRunId id : active) {
			this.lifecycle.changed(id, (run) -> {
				if (!run.state().isActive()) {
					return false;
				}
				if (run.cancelRequested(reason, this.lifecycle.now())) {
					RunEvents.finished(this.events, run);
				}
				return true;
			});
		}
	}

	/**
	 * A link that downloads the backup object for 30 minutes.
	 * @throws IllegalRunTransitionException when the run has no object (it did not
	 * succeed)
	 * @throws DownloadUnavailableException when the destination cannot make links
	 * @throws BackupDeletedException when retention is deleting or deleted the backup
	 */
	public DownloadLink downloadLink(TenantId tenant, BackupRunId id) {
		BackupRun run = this.transactions.execute((status) -> load(tenant, id));
		if (run.state() != RunState.SUCCEEDED || run.objectKey() == null) {
			throw new IllegalRunTransitionException(run.state(),
					"Only a backup that succeeded has an object to download; this one is "
							+ run.state().name().toLowerCase());
		}
		if (run.deletion() != BackupDeletion.NONE) {
			throw new BackupDeletedException(run.deletion());
		}
		DestinationAccess destination = this.targets.destinationAccess(tenant)
			.orElseThrow(() -> new DownloadUnavailableException(
					"This add-on has no destination configured any more, so no link can be made"));
		if (destination.type() != DestinationType.S3) {
			throw new DownloadUnavailableException(
					"A filesystem destination has no download links; the backup is the file " + destination.path() + "/"
							+ run.objectKey() + " on the Strongroom machine");
		}
		Instant expiresAt = this.lifecycle.now().plus(DOWNLOAD_TTL);
		return new DownloadLink(this.destinations.presignedGet(destination, run.objectKey(), DOWNLOAD_TTL), expiresAt);
	}

	/**
	 * The runner's output, secrets masked, oldest first: {@code limit} lines after line
	 * number {@code cursor} (absent: from the first). Kept for runners the local launcher
	 * started; for one on a Heroku dyno the page is empty and its note says where the
	 * output went.
	 * @throws RunNotFoundException for another tenant's or an unknown backup
	 * @throws InvalidCursorException when {@code cursor} is not a line number
	 */
	public LogPage log(TenantId tenant, BackupRunId id, @Nullable String cursor, int limit) {
		BackupRun run = this.transactions.execute((status) -> load(tenant, id));
		return this.log.page(id, cursor, limit, run.runner().launcher());
	}

	private BackupRun load(TenantId tenant, BackupRunId id) {
		return this.transactions.execute((status) -> this.runs.findByTenantIdAndId(tenant.value(), id.value()))
			.orElseThrow(() -> new RunNotFoundException("No backup " + id + " on this add-on"));
	}

	RunView view(BackupRun run) {
		RunError error = (run.failureKind() != null)
				? new RunError(run.failureKind(), (run.failureMessage() != null) ? run.failureMessage() : "") : null;
		return new RunView(run.id(), run.tenantId(), run.targetId(), run.databaseLabel(), run.origin(), run.slot(),
				run.state(), run.verification(), run.createdAt(), run.runner().launchedAt(), run.runner().startedAt(),
				run.finishedAt(), run.runner().lastContactAt(), run.runner().stage(), run.runner().bytesIn(),
				run.runner().bytesOut(), run.engine(), run.compression(), run.objectKey(), run.manifestKey(),
				run.sha256(), run.hmacSha256(), run.serverVersion(), run.clientVersion(), object(run.durationsJson()),
				object(run.statisticsJson()), error, run.runner().cancelRequestedAt() != null, run.verificationDetail(),
				run.verifiedAt(), run.deletion(), run.deletionAt());
	}

	private @Nullable Map<String, Object> object(@Nullable String json) {
		return (json != null) ? this.json.readValue(json, OBJECT) : null;
	}

	/** Where a page ended: the last run's creation time and id, opaque to clients. */
	record Cursor(Instant createdAt, UUID id) {

		String format() {
			String raw = this.createdAt.getEpochSecond() + "." + this.createdAt.getNano() + "." + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor parse(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				String[] parts = raw.split("\\.", 3);
				return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
						UUID.fromString(parts[2]));
			}
			catch (RuntimeException ex) {
				throw new InvalidCursorException(
						"cursor is not one this API gave out; use nextCursor from the previous page");
			}
		}

	}

}
