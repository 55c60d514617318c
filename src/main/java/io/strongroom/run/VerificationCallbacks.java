package io.strongroom.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.target.DestinationAccess;
import io.strongroom.target.Targets;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * What verification runners may do through the callback API, for the verification their
 * ticket serves (docs/runner-spec.md, "verify"): fetch the spec (LAUNCHING → RUNNING),
 * report heartbeats (answered with whether to stop), and report the result or that they
 * could not do their job (either spends the ticket).
 */
class VerificationCallbacks {

	static final String PATH_PREFIX = "/runner/v1/verifications/";

	private static final Set<String> STAGES = Set.of("download", "integrity", "restore", "compare", "cleanup");

	private static final Set<String> OUTCOMES = Set.of("PASSED", "FAILED", "SKIPPED");

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

	private static final int MAX_REPORT = 100_000;

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final BackupVerificationRepository verifications;

	private final BackupRunRepository runs;

	private final VerificationLifecycle lifecycle;

	private final Targets targets;

	private final RunProperties properties;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	VerificationCallbacks(BackupVerificationRepository verifications, BackupRunRepository runs,
			VerificationLifecycle lifecycle, Targets targets, RunProperties properties,
			TransactionTemplate transactions, JsonMapper json) {
		this.verifications = verifications;
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.targets = targets;
		this.properties = properties;
		this.transactions = transactions;
		this.json = json;
	}

	/** Whether {@code ticket} is the live ticket of verification {@code id}. */
	boolean accepts(UUID id, String ticket) {
		String hash = RunTickets.hash(ticket);
		Instant now = this.lifecycle.now();
		return Boolean.TRUE.equals(this.transactions.execute((status) -> this.verifications.findById(id)
			.map((verification) -> verification.acceptsTicket(hash, now))
			.orElse(false)));
	}

	Map<String, Object> spec(VerificationId id) {
		BackupVerification current = this.transactions.execute((status) -> this.verifications.findById(id.value()))
			.orElseThrow();
		BackupRun run = this.transactions.execute((status) -> this.runs.findById(current.runId().value()))
			.orElseThrow();
		Optional<DestinationAccess> destination = this.targets.destinationAccess(current.tenantId());
		if (destination.isEmpty()) {
			String message = "The add-on has no destination configured any more, so the backup cannot be read";
			this.lifecycle.couldNotRun(id, FailureKinds.NOT_CONFIGURED, message);
			throw new IllegalRunTransitionException(RunState.SUCCEEDED, message);
		}
		BackupVerification[] running = new BackupVerification[1];
		this.lifecycle.changed(id, (verification) -> {
			verification.running(this.lifecycle.now());
			running[0] = verification;
			return true;
		});
		Map<String, Object> statistics = (run.statisticsJson() != null)
				? this.json.readValue(run.statisticsJson(), OBJECT) : null;
		return VerificationSpecs.spec(running[0], run, destination.get(), this.targets.configVars(current.tenantId()),
				statistics, this.properties);
	}

	RunnerReports.HeartbeatAnswer heartbeat(VerificationId id, RunnerReports.Heartbeat heartbeat) {
		String stage = (heartbeat.stage() != null) ? heartbeat.stage().trim().toLowerCase(Locale.ROOT) : "";
		if (!STAGES.contains(stage)) {
			throw new CallbackRejectedException(
					"stage must be one of download, integrity, restore, compare or cleanup");
		}
		long bytesIn = nonNegative(heartbeat.bytesIn(), "bytesIn");
		long bytesOut = nonNegative(heartbeat.bytesOut(), "bytesOut");
		boolean[] cancel = new boolean[1];
		this.lifecycle.changed(id, (verification) -> {
			verification.heartbeat(stage, bytesIn, bytesOut, this.lifecycle.now());
			cancel[0] = verification.runner().cancelRequestedAt() != null;
			return true;
		});
		return new RunnerReports.HeartbeatAnswer(cancel[0]);
	}

	void result(VerificationId id, VerificationReports.Result result) {
		String status = (result.status() != null) ? result.status().trim().toUpperCase(Locale.ROOT) : "";
		if (!OUTCOMES.contains(status)) {
			throw new CallbackRejectedException("status must be PASSED, FAILED or SKIPPED; report that the"
					+ " verification could not run to /failure with {\"kind\", \"message\"}");
		}
		if (result.verificationId() != null && !id.toString().equalsIgnoreCase(result.verificationId().trim())) {
			throw new CallbackRejectedException("verificationId does not name the verification this ticket serves");
		}
		BackupRunId runId = this.transactions.execute((status1) -> this.verifications.findById(id.value()))
			.orElseThrow()
			.runId();
		if (result.runId() != null && !runId.toString().equalsIgnoreCase(result.runId().trim())) {
			throw new CallbackRejectedException("runId does not name the backup run this verification checks");
		}
		if (result.detail() == null || result.detail().isBlank()) {
			throw new CallbackRejectedException("detail is required: one sentence on what was checked and found");
		}
		String integrity = part(result.integrity(), "integrity", Set.of("PASSED", "FAILED"));
		String restore = part(result.restore(), "restore", OUTCOMES);
		boolean anyFailed = "FAILED".equals(integrity) || "FAILED".equals(restore);
		switch (status) {
			case "PASSED" -> {
				if (!"PASSED".equals(integrity) || anyFailed) {
					throw new CallbackRejectedException(
							"status PASSED needs integrity.status PASSED and no restore.status FAILED");
				}
			}
			case "FAILED" -> {
				if (!anyFailed) {
					throw new CallbackRejectedException("status FAILED needs integrity.status or restore.status"
							+ " FAILED; a verification that could not run is reported to /failure");
				}
			}
			default -> {
				if (integrity != null) {
					throw new CallbackRejectedException("status SKIPPED means nothing was checked, yet integrity"
							+ " has a result; a completed integrity check is PASSED or FAILED overall");
				}
			}
		}
		boolean restoreTested = "PASSED".equals(restore) || "FAILED".equals(restore);
		String report = report(result);
		Verification outcome = Verification.valueOf(status);
		String detail = result.detail().strip();
		this.lifecycle.changed(id, (verification) -> {
			verification.completed(outcome, detail, restoreTested, report, this.lifecycle.now());
			this.lifecycle.recordOnBackup(verification);
			return true;
		});
	}

	void failure(VerificationId id, RunnerReports.Failure failure) {
		String kind = (failure.kind() != null) ? failure.kind().trim().toUpperCase(Locale.ROOT) : "";
		if (!KIND.matcher(kind).matches()) {
			throw new CallbackRejectedException("kind must be a failure kind such as DESTINATION_FAILED");
		}
		String message = (failure.message() != null && !failure.message().isBlank()) ? failure.message().strip()
				: "The runner reported " + kind + " without a message";
		this.lifecycle.failed(id, kind, message);
	}

	/** The status of the result's {@code integrity} or {@code restore} part, if any. */
	private static @Nullable String part(@Nullable JsonNode node, String field, Set<String> allowed) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		String status = node.isObject() ? node.path("status").asString("") : "";
		if (!allowed.contains(status)) {
			throw new CallbackRejectedException(
					field + " must be null or an object whose status is one of " + String.join(", ", allowed));
		}
		return status;
	}

	/**
	 * What the runner found, kept for diagnosis: integrity, restore and durations. A very
	 * long list of differing tables is cut rather than refused.
	 */
	private String report(VerificationReports.Result result) {
		Map<String, @Nullable Object> report = new LinkedHashMap<>();
		report.put("integrity", result.integrity());
		report.put("restore", result.restore());
		report.put("durationsMillis", result.durationsMillis());
		String text = this.json.writeValueAsString(report);
		if (text.length() <= MAX_REPORT) {
			return text;
		}
		report.put("restore", Map.of("status", String.valueOf(part(result.restore(), "restore", OUTCOMES)), "detail",
				"the full list of differences was too long to keep"));
		text = this.json.writeValueAsString(report);
		return (text.length() <= MAX_REPORT) ? text : "{\"truncated\":true}";
	}

	private static long nonNegative(@Nullable Long value, String field) {
		if (value == null || value < 0) {
			throw new CallbackRejectedException(field + " must be a number of bytes, 0 or more");
		}
		return value;
	}

	static Optional<UUID> idFromPath(String path) {
		if (!path.startsWith(PATH_PREFIX)) {
			return Optional.empty();
		}
		String rest = path.substring(PATH_PREFIX.length());
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
