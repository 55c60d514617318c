package io.strongroom.run;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.target.RunnableTarget;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.TargetNotReadyException;
import io.strongroom.target.Targets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What runners may do through the callback API, for the run their ticket serves: fetch
 * the spec (LAUNCHING → RUNNING), report heartbeats (answered with whether to stop), and
 * report the result or the failure (which spends the ticket).
 */
class RunCallbacks {

	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

	private static final Pattern STAGE = Pattern.compile("[a-z][a-z_-]{0,31}");

	private final BackupRunRepository runs;

	private final RunLifecycle lifecycle;

	private final Targets targets;

	private final RunProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	RunCallbacks(BackupRunRepository runs, RunLifecycle lifecycle, Targets targets, RunProperties properties,
			ApplicationEventPublisher events, TransactionTemplate transactions, JsonMapper json) {
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.targets = targets;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.json = json;
	}

	/** Whether {@code ticket} is the live ticket of run {@code runId}. */
	boolean accepts(UUID runId, String ticket) {
		String hash = RunTickets.hash(ticket);
		Instant now = this.lifecycle.now();
		return Boolean.TRUE.equals(this.transactions
			.execute((status) -> this.runs.findById(runId).map((run) -> run.acceptsTicket(hash, now)).orElse(false)));
	}

	Map<String, Object> spec(BackupRunId id) {
		BackupRun current = this.transactions.execute((status) -> this.runs.findById(id.value())).orElseThrow();
		RunnableTarget target;
		try {
			target = this.targets.runnable(current.tenantId(), current.targetId());
		}
		catch (TargetNotReadyException | TargetNotFoundException ex) {
			this.lifecycle.fail(id.value(), FailureKinds.NOT_CONFIGURED, ex.getMessage());
			throw new IllegalRunTransitionException(RunState.FAILED, ex.getMessage());
		}
		Instant[] startedAt = new Instant[1];
		this.lifecycle.changed(id, (run) -> {
			run.running(this.lifecycle.now());
			startedAt[0] = run.runner().startedAt();
			return true;
		});
		return RunSpecs.spec(id, startedAt[0], target, this.properties);
	}

	RunnerReports.HeartbeatAnswer heartbeat(BackupRunId id, RunnerReports.Heartbeat heartbeat) {
		String stage = (heartbeat.stage() != null) ? heartbeat.stage().trim().toLowerCase(Locale.ROOT) : "";
		if (!STAGE.matcher(stage).matches()) {
			throw new CallbackRejectedException("stage must be a stage name such as dump, upload or manifest");
		}
		long bytesIn = nonNegative(heartbeat.bytesIn(), "bytesIn");
		long bytesOut = nonNegative(heartbeat.bytesOut(), "bytesOut");
		boolean[] cancel = new boolean[1];
		this.lifecycle.changed(id, (run) -> {
			run.heartbeat(stage, bytesIn, bytesOut, this.lifecycle.now());
			cancel[0] = run.runner().cancelRequestedAt() != null;
			return true;
		});
		return new RunnerReports.HeartbeatAnswer(cancel[0]);
	}

	void result(BackupRunId id, RunnerReports.Result result) {
		if (!"SUCCEEDED".equals(result.status())) {
			throw new CallbackRejectedException(
					"status must be SUCCEEDED; report a failure to /failure with {\"kind\", \"message\"}");
		}
		if (result.runId() != null && !id.toString().equalsIgnoreCase(result.runId())) {
			throw new CallbackRejectedException("runId does not name the run this ticket serves");
		}
		String objectKey = required(result.objectKey(), "objectKey", 1024);
		if (!objectKey.contains(id.toString())) {
			throw new CallbackRejectedException("objectKey must name the run (…-<runId>.<ext>)");
		}
		String manifestKey = required(result.manifestKey(), "manifestKey", 1100);
		String sha256 = required(result.sha256(), "sha256", 64).toLowerCase(Locale.ROOT);
		String hmac = required(result.hmacSha256(), "hmacSha256", 64).toLowerCase(Locale.ROOT);
		if (!HEX64.matcher(sha256).matches() || !HEX64.matcher(hmac).matches()) {
			throw new CallbackRejectedException("sha256 and hmacSha256 must be 64 hex digits");
		}
		RunOutcome outcome = new RunOutcome(objectKey, manifestKey, required(result.engine(), "engine", 16),
				required(result.compression(), "compression", 16), nonNegative(result.bytesIn(), "bytesIn"),
				nonNegative(result.bytesOut(), "bytesOut"), sha256, hmac, jsonObject(result.durationsMillis(), 2000),
				optional(result.serverVersion(), 200), optional(result.clientVersion(), 200),
				jsonObject(result.statistics(), 1_000_000));
		this.lifecycle.changed(id, (run) -> {
			run.succeeded(outcome, this.lifecycle.now());
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	void failure(BackupRunId id, RunnerReports.Failure failure) {
		String kind = (failure.kind() != null) ? failure.kind().trim().toUpperCase(Locale.ROOT) : "";
		if (!KIND.matcher(kind).matches()) {
			throw new CallbackRejectedException("kind must be a failure kind such as AUTHENTICATION_FAILED");
		}
		String message = (failure.message() != null && !failure.message().isBlank()) ? failure.message().strip()
				: "The runner reported " + kind + " without a message";
		this.lifecycle.changed(id, (run) -> {
			if ("CANCELLED".equals(kind)) {
				String reason = (run.runner().cancelReason() != null) ? run.runner().cancelReason() + "; " : "";
				run.cancelled(reason + message, this.lifecycle.now());
			}
			else {
				run.failed(kind, message, this.lifecycle.now());
			}
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	private static long nonNegative(@Nullable Long value, String field) {
		if (value == null || value < 0) {
			throw new CallbackRejectedException(field + " must be a number of bytes, 0 or more");
		}
		return value;
	}

	private static String required(@Nullable String value, String field, int max) {
		if (value == null || value.isBlank() || value.length() > max) {
			throw new CallbackRejectedException(field + " is required (at most " + max + " characters)");
		}
		return value.strip();
	}

	private static String optional(@Nullable String value, int max) {
		if (value == null) {
			return "";
		}
		String stripped = value.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

	private String jsonObject(@Nullable JsonNode node, int max) {
		if (node == null || node.isNull()) {
			return "{}";
		}
		if (!node.isObject()) {
			throw new CallbackRejectedException("durationsMillis and statistics must be JSON objects");
		}
		String text = this.json.writeValueAsString(node);
		if (text.length() > max) {
			throw new CallbackRejectedException("The result is too large");
		}
		return text;
	}

	static Optional<UUID> runIdFromPath(String path) {
		String prefix = "/runner/v1/runs/";
		if (!path.startsWith(prefix)) {
			return Optional.empty();
		}
		String rest = path.substring(prefix.length());
		int slash = rest.indexOf('/');
		String id = (slash < 0) ? rest : rest.substring(0, slash);
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
