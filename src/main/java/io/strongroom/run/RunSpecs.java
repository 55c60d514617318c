package io.strongroom.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.strongroom.target.AppConfigVars;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.DestinationType;
import io.strongroom.target.RunnableTarget;
import io.strongroom.target.RunnerEnvironment;

/**
 * The backup spec a runner fetches (TEAM.md, "The backup spec"): names of environment
 * variables, never their values; in Heroku mode the names the add-on's config vars have
 * on the customer's app (its attachment name is their prefix). {@code startedAt} is fixed
 * by the web side, so it knows the object's key before the runner does and can find a
 * dead runner's upload.
 */
final class RunSpecs {

	private static final DateTimeFormatter OBJECT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private RunSpecs() {
	}

	static Map<String, Object> spec(BackupRunId run, Instant startedAt, RunnableTarget target,
			RunProperties properties) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("version", 1);
		spec.put("runId", run.toString());
		spec.put("addonName", target.addonName());
		spec.put("databaseLabel", target.label().value());
		spec.put("databaseUrlEnv", target.databaseUrlEnv());
		spec.put("excludeTables", target.excludeTables());
		spec.put("options", target.options());
		Map<String, Object> compression = new LinkedHashMap<>();
		compression.put("algorithm", properties.compression());
		compression.put("level", properties.compressionLevel());
		spec.put("compression", compression);
		spec.put("encryptionKeyEnv", target.encryptionKeyEnv());
		spec.put("destination", destination(target.destination(), target.configVars()));
		spec.put("startedAt", startedAt.truncatedTo(ChronoUnit.SECONDS).toString());
		if (!properties.clientDirectories().isEmpty()) {
			spec.put("clientDirectories", List.copyOf(properties.clientDirectories()));
		}
		return spec;
	}

	/**
	 * The destination part of a spec; the S3 credentials are named as the config vars on
	 * the customer's app ({@code configVars}).
	 */
	static Map<String, Object> destination(DestinationAccess destination, AppConfigVars configVars) {
		Map<String, Object> spec = new LinkedHashMap<>();
		if (destination.type() == DestinationType.S3) {
			spec.put("type", "s3");
			spec.put("bucket", Objects.requireNonNull(destination.bucket()));
			spec.put("region", Objects.requireNonNull(destination.region()));
			if (destination.endpoint() != null) {
				spec.put("endpoint", destination.endpoint());
			}
			spec.put("pathStyle", destination.pathStyle());
			spec.put("prefix", destination.prefix());
			spec.put("accessKeyIdEnv", configVars.name(RunnerEnvironment.AWS_ACCESS_KEY_ID));
			spec.put("secretAccessKeyEnv", configVars.name(RunnerEnvironment.AWS_SECRET_ACCESS_KEY));
		}
		else {
			spec.put("type", "filesystem");
			spec.put("path", Objects.requireNonNull(destination.path()));
			spec.put("prefix", destination.prefix());
		}
		return spec;
	}

	/**
	 * Where every object of this database lives: {@code <prefix>/<addon>/<label>/}. A
	 * run's object is below it, named with the run id.
	 */
	static String databasePrefix(String prefix, String addonName, String label) {
		return (prefix.isEmpty() ? "" : prefix + "/") + addonName + "/" + label + "/";
	}

	/**
	 * The object's key without its extension: the database prefix, the UTC date as
	 * {@code yyyy/MM/dd}, then {@code yyyyMMdd'T'HHmmss'Z'-<runId>}.
	 */
	static String objectStem(String prefix, String addonName, String label, Instant startedAt, BackupRunId run) {
		Instant second = startedAt.truncatedTo(ChronoUnit.SECONDS);
		return databasePrefix(prefix, addonName, label) + DAY.format(second) + "/" + OBJECT_TIME.format(second) + "-"
				+ run.toString().toLowerCase(Locale.ROOT);
	}

}
