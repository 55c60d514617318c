package io.strongroom.run;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The bodies runners send to the callback API (TEAM.md, "Runner callback API"), and the
 * checks that both kinds of job make of the heartbeat and the failure report.
 */
final class RunnerReports {

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

	private RunnerReports() {
	}

	record Heartbeat(@Nullable String stage, @Nullable Long bytesIn, @Nullable Long bytesOut) {

		/**
		 * The progress reported, checked.
		 * @param stages the stage names this kind of job has
		 * @param expected what a runner that sent another stage is told
		 * @throws CallbackRejectedException for an unknown stage or a negative count
		 */
		Progress progress(Predicate<String> stages, String expected) {
			String stage = (this.stage != null) ? this.stage.trim().toLowerCase(Locale.ROOT) : "";
			if (!stages.test(stage)) {
				throw new CallbackRejectedException(expected);
			}
			return new Progress(stage, bytes(this.bytesIn, "bytesIn"), bytes(this.bytesOut, "bytesOut"));
		}

	}

	/** What a heartbeat reported, checked. */
	record Progress(String stage, long bytesIn, long bytesOut) {

	}

	record HeartbeatAnswer(boolean cancel) {

	}

	record Failure(@Nullable String kind, @Nullable String message) {

		/**
		 * The failure reported, checked: the kind in upper case, and a message even when
		 * the runner sent none.
		 * @param exampleKind a kind to name when the runner sent none that is usable
		 * @throws CallbackRejectedException for a kind that is not one
		 */
		ReportedFailure checked(String exampleKind) {
			String kind = (this.kind != null) ? this.kind.trim().toUpperCase(Locale.ROOT) : "";
			if (!KIND.matcher(kind).matches()) {
				throw new CallbackRejectedException("kind must be a failure kind such as " + exampleKind);
			}
			String message = (this.message != null && !this.message.isBlank()) ? this.message.strip()
					: "The runner reported " + kind + " without a message";
			return new ReportedFailure(kind, message);
		}

	}

	/** A failure report, checked. */
	record ReportedFailure(String kind, String message) {

	}

	record Result(@Nullable String status, @Nullable String runId, @Nullable String objectKey,
			@Nullable String manifestKey, @Nullable String engine, @Nullable String compression, @Nullable Long bytesIn,
			@Nullable Long bytesOut, @Nullable String sha256, @Nullable String hmacSha256,
			@Nullable JsonNode durationsMillis, @Nullable String serverVersion, @Nullable String clientVersion,
			@Nullable JsonNode statistics) {

	}

	/**
	 * A count of bytes a runner reported.
	 * @throws CallbackRejectedException when it is missing or negative
	 */
	static long bytes(@Nullable Long value, String field) {
		if (value == null || value < 0) {
			throw new CallbackRejectedException(field + " must be a number of bytes, 0 or more");
		}
		return value;
	}

}
