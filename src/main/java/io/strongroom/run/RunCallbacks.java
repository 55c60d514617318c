package io.strongroom.run;

import java.util.Locale;
import java.util.Map;
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

/**
 * The runner callback API of backup runs ({@link RunnerCallbacks}): the spec names the
 * database to dump, the result the object it stored.
 */
class RunCallbacks implements RunnerCallbacks<RunnerReports.Result> {

	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern STAGE = Pattern.compile("[a-z][a-z_-]{0,31}");

	private final RunLifecycle lifecycle;

	private final Targets targets;

	private final RunProperties properties;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	RunCallbacks(RunLifecycle lifecycle, Targets targets, RunProperties properties, ApplicationEventPublisher events,
			JsonMapper json) {
		this.lifecycle = lifecycle;
		this.targets = targets;
		this.properties = properties;
		this.events = events;
		this.json = json;
	}

	@Override
	public Map<String, Object> spec(UUID id) {
		BackupRun current = this.lifecycle.jobs().find(id).orElseThrow();
		RunnableTarget target;
		try {
			target = this.targets.runnable(current.tenantId(), current.targetId());
		}
		catch (TargetNotReadyException | TargetNotFoundException ex) {
			this.lifecycle.fail(id, FailureKinds.NOT_CONFIGURED, ex.getMessage());
			throw new IllegalRunTransitionException(RunState.FAILED, ex.getMessage());
		}
		BackupRun run = this.lifecycle.jobs().started(id);
		return RunSpecs.spec(run.id(), run.runner().startedAt(), target, this.properties);
	}

	@Override
	public RunnerReports.HeartbeatAnswer heartbeat(UUID id, RunnerReports.Heartbeat heartbeat) {
		return this.lifecycle.jobs()
			.heartbeat(id, heartbeat.progress((stage) -> STAGE.matcher(stage).matches(),
					"stage must be a stage name such as dump, upload or manifest"));
	}

	@Override
	public void result(UUID runId, RunnerReports.Result result) {
		BackupRunId id = new BackupRunId(runId);
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
				required(result.compression(), "compression", 16), RunnerReports.bytes(result.bytesIn(), "bytesIn"),
				RunnerReports.bytes(result.bytesOut(), "bytesOut"), sha256, hmac,
				jsonObject(result.durationsMillis(), 2000), optional(result.serverVersion(), 200),
				optional(result.clientVersion(), 200), jsonObject(result.statistics(), 1_000_000));
		this.lifecycle.changed(id, (run) -> {
			run.succeeded(outcome, this.lifecycle.now());
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	@Override
	public void failure(UUID id, RunnerReports.Failure failure) {
		RunnerReports.ReportedFailure reported = failure.checked("AUTHENTICATION_FAILED");
		this.lifecycle.jobs().changed(id, (run) -> {
			if ("CANCELLED".equals(reported.kind())) {
				String reason = (run.runner().cancelReason() != null) ? run.runner().cancelReason() + "; " : "";
				run.cancelled(reason + reported.message(), this.lifecycle.now());
			}
			else {
				run.failed(reported.kind(), reported.message(), this.lifecycle.now());
			}
			RunEvents.finished(this.events, run);
			return true;
		});
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

}
