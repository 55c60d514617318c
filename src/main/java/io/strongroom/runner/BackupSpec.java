package io.strongroom.runner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What one backup does, as the web service (or a person, for {@code backup --spec})
 * writes it. No secrets: they stay in environment variables the spec names. The format is
 * documented in {@code docs/runner-spec.md}.
 */
record BackupSpec(String runId, String addonName, String databaseLabel, String databaseUrlEnv,
		List<String> excludeTables, Map<String, Object> options, CompressionSettings compression,
		String encryptionKeyEnv, Destination destination, Instant startedAt, List<Path> clientDirectories) {

	/** Where the backup goes. */
	sealed interface Destination permits S3, Filesystem {

		String prefix();

	}

	record S3(String bucket, String region, @Nullable URI endpoint, boolean pathStyle, String prefix,
			@Nullable String accessKeyIdEnv, @Nullable String secretAccessKeyEnv) implements Destination {
	}

	record Filesystem(Path path, String prefix) implements Destination {
	}

	static final int VERSION = 1;

	private static final SpecFields SPEC = new SpecFields("backup spec");

	private static final Pattern NAME = SpecFields.NAME;

	private static final Pattern RUN_ID = SpecFields.ID;

	private static final Pattern ENV = SpecFields.ENV;

	private static final Set<String> FIELDS = Set.of("version", "runId", "addonName", "databaseLabel", "databaseUrlEnv",
			"excludeTables", "options", "compression", "encryptionKeyEnv", "destination", "startedAt",
			"clientDirectories");

	/**
	 * Reads and checks a spec.
	 * @param json the spec
	 * @param now the start time when the spec names none
	 * @param warnings told about fields this runner does not know (a newer web service)
	 * @throws RunnerFailure {@link FailureKind#USAGE} with what to fix
	 */
	static BackupSpec parse(String json, Instant now, Consumer<String> warnings) throws RunnerFailure {
		JsonNode root;
		try {
			root = Json.COMPACT.readTree(json);
		}
		catch (JacksonException ex) {
			throw usage("The spec is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw usage("The spec must be a JSON object");
		}
		int version = root.path("version").asInt(-1);
		if (version != VERSION) {
			throw usage("The spec's \"version\" must be " + VERSION + " (found " + root.path("version") + ")");
		}
		for (String field : root.propertyNames()) {
			if (!FIELDS.contains(field)) {
				warnings.accept("The spec field \"" + field + "\" is not known to this runner and is ignored");
			}
		}
		String runId = SPEC.optionalText(root, "runId");
		if (runId == null) {
			runId = UUID.randomUUID().toString();
		}
		SPEC.check(runId, RUN_ID, "runId", "letters, digits and '-'");
		String addonName = SPEC.check(SPEC.text(root, "addonName"), NAME, "addonName",
				"letters, digits, '.', '_', '-'");
		String databaseLabel = SPEC.check(SPEC.text(root, "databaseLabel"), NAME, "databaseLabel",
				"letters, digits, '.', '_', '-'");
		String databaseUrlEnv = SPEC.check(SPEC.text(root, "databaseUrlEnv"), ENV, "databaseUrlEnv",
				"an environment variable name");
		String encryptionKeyEnv = SPEC.optionalText(root, "encryptionKeyEnv");
		encryptionKeyEnv = SPEC.check((encryptionKeyEnv != null) ? encryptionKeyEnv : "STRONGROOM_ENCRYPTION_KEY", ENV,
				"encryptionKeyEnv", "an environment variable name");
		List<String> excludeTables = SPEC.textList(root, "excludeTables");
		Map<String, Object> options = options(root.path("options"));
		CompressionSettings compression = compression(root.path("compression"));
		Destination destination = SPEC.destination(root.path("destination"));
		Instant startedAt = now;
		String started = SPEC.optionalText(root, "startedAt");
		if (started != null) {
			try {
				startedAt = Instant.parse(started);
			}
			catch (DateTimeParseException ex) {
				throw usage(
						"\"startedAt\" must be an ISO-8601 instant like 2026-11-22T03:00:00Z, not '" + started + "'");
			}
		}
		List<Path> clientDirectories = new ArrayList<>();
		for (String directory : SPEC.textList(root, "clientDirectories")) {
			clientDirectories.add(Path.of(directory));
		}
		return new BackupSpec(runId, addonName, databaseLabel, databaseUrlEnv, excludeTables, options, compression,
				encryptionKeyEnv, destination, startedAt, clientDirectories);
	}

	private static CompressionSettings compression(JsonNode node) throws RunnerFailure {
		if (node.isMissingNode() || node.isNull()) {
			return CompressionSettings.defaults();
		}
		if (!node.isObject()) {
			throw usage("\"compression\" must be an object like {\"algorithm\": \"zstd\", \"level\": 3}");
		}
		try {
			String name = SPEC.optionalText(node, "algorithm");
			CompressionSettings.Algorithm algorithm = CompressionSettings.Algorithm.of((name != null) ? name : "zstd");
			int level = SPEC.integer(node, "level", algorithm.defaultLevel());
			int workers = SPEC.integer(node, "workers", CompressionSettings.DEFAULT_WORKERS);
			return new CompressionSettings(algorithm, level, workers);
		}
		catch (IllegalArgumentException ex) {
			throw usage(ex.getMessage());
		}
	}

	private static Map<String, Object> options(JsonNode node) throws RunnerFailure {
		if (node.isMissingNode() || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			throw usage("\"options\" must be an object");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> options = Json.COMPACT.treeToValue(node, LinkedHashMap.class);
		return options;
	}

	private static RunnerFailure usage(String message) {
		return SPEC.usage(message);
	}

}
