package io.strongroom.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The text of the line each backup outcome writes into the customer's Heroku log, in
 * logfmt ({@code key=value}, values with spaces quoted) so log tools can parse it.
 */
final class LogLines {

	private LogLines() {
	}

	static String backup(BackupOutcome outcome) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("database", outcome.databaseLabel());
		fields.put("run", outcome.runId());
		if (outcome.manual()) {
			fields.put("origin", "manual");
		}
		switch (outcome.result()) {
			case SUCCEEDED -> {
				fields.put("size", size(outcome.bytesOut()));
				fields.put("bytes", outcome.bytesOut());
				if (outcome.duration() != null) {
					fields.put("duration", seconds(outcome.duration()));
				}
			}
			case FAILED -> {
				fields.put("kind", outcome.failureKind());
				fields.put("error", outcome.message());
			}
			case STALLED -> fields.put("error", outcome.message());
			case CANCELLED -> {
			}
		}
		return "backup " + outcome.result().name().toLowerCase(Locale.ROOT) + " " + logfmt(fields);
	}

	static String verification(VerificationOutcome outcome) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("database", outcome.databaseLabel());
		fields.put("run", outcome.runId());
		fields.put("kind", outcome.failure());
		fields.put("detail", outcome.detail().isBlank() ? null : outcome.detail());
		return "verification " + outcome.status().name().toLowerCase(Locale.ROOT) + " " + logfmt(fields);
	}

	static String slotMissed(SlotMissed missed) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("database", missed.databaseLabel());
		if (missed.slots().size() == 1) {
			fields.put("slot", missed.first());
		}
		else {
			fields.put("slots", missed.slots().size());
			fields.put("first", missed.first());
			fields.put("last", missed.last());
		}
		fields.put("grace", seconds(missed.grace()));
		return "backup missed " + logfmt(fields);
	}

	static String logfmt(Map<String, @Nullable Object> fields) {
		StringBuilder line = new StringBuilder();
		fields.forEach((key, value) -> {
			if (value == null) {
				return;
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(key).append('=').append(quote(value.toString()));
		});
		return line.toString();
	}

	private static String quote(String value) {
		boolean plain = !value.isEmpty() && value.chars().allMatch((c) -> c > 32 && c < 127 && c != '"' && c != '=');
		if (plain) {
			return value;
		}
		return '"' + LogplexFrames.oneLine(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	static String seconds(Duration duration) {
		return duration.toSeconds() + "s";
	}

	/** {@code 45.2MB}: decimal units, as S3 consoles show sizes. */
	static String size(long bytes) {
		if (bytes < 1000) {
			return bytes + "B";
		}
		String[] units = { "kB", "MB", "GB", "TB", "PB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1000 && unit < units.length - 1) {
			value /= 1000;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
	}

}
