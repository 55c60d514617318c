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

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

	private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

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
		String runId = optionalText(root, "runId");
		if (runId == null) {
			runId = UUID.randomUUID().toString();
		}
		check(runId, RUN_ID, "runId", "letters, digits and '-'");
		String addonName = check(text(root, "addonName"), NAME, "addonName", "letters, digits, '.', '_', '-'");
		String databaseLabel = check(text(root, "databaseLabel"), NAME, "databaseLabel",
				"letters, digits, '.', '_', '-'");
		String databaseUrlEnv = check(text(root, "databaseUrlEnv"), ENV, "databaseUrlEnv",
				"an environment variable name");
		String encryptionKeyEnv = optionalText(root, "encryptionKeyEnv");
		encryptionKeyEnv = check((encryptionKeyEnv != null) ? encryptionKeyEnv : "STRONGROOM_ENCRYPTION_KEY", ENV,
				"encryptionKeyEnv", "an environment variable name");
		List<String> excludeTables = textList(root, "excludeTables");
		Map<String, Object> options = options(root.path("options"));
		CompressionSettings compression = compression(root.path("compression"));
		Destination destination = destination(root.path("destination"));
		Instant startedAt = now;
		String started = optionalText(root, "startedAt");
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
		for (String directory : textList(root, "clientDirectories")) {
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
			String name = optionalText(node, "algorithm");
			CompressionSettings.Algorithm algorithm = CompressionSettings.Algorithm.of((name != null) ? name : "zstd");
			int level = integer(node, "level", algorithm.defaultLevel());
			int workers = integer(node, "workers", CompressionSettings.DEFAULT_WORKERS);
			return new CompressionSettings(algorithm, level, workers);
		}
		catch (IllegalArgumentException ex) {
			throw usage(ex.getMessage());
		}
	}

	private static Destination destination(JsonNode node) throws RunnerFailure {
		if (!node.isObject()) {
			throw usage("\"destination\" is required: {\"type\": \"s3\", ...} or {\"type\": \"filesystem\", ...}");
		}
		String type = text(node, "type");
		String prefix = optionalText(node, "prefix");
		prefix = normalizePrefix((prefix != null) ? prefix : "");
		switch (type) {
			case "s3" -> {
				String bucket = text(node, "bucket");
				String region = optionalText(node, "region");
				String endpoint = optionalText(node, "endpoint");
				URI endpointUri = null;
				if (endpoint != null) {
					try {
						endpointUri = URI.create(endpoint);
					}
					catch (IllegalArgumentException ex) {
						throw usage("\"destination.endpoint\" is not a URL: " + endpoint);
					}
					if (!("http".equals(endpointUri.getScheme()) || "https".equals(endpointUri.getScheme()))
							|| endpointUri.getHost() == null || endpointUri.getUserInfo() != null) {
						throw usage("\"destination.endpoint\" must be an http(s) URL without credentials, like "
								+ "https://s3.eu-west-1.amazonaws.com");
					}
				}
				JsonNode pathStyle = node.path("pathStyle");
				if (!pathStyle.isMissingNode() && !pathStyle.isBoolean()) {
					throw usage("\"destination.pathStyle\" must be true or false");
				}
				String accessKeyIdEnv = optionalText(node, "accessKeyIdEnv");
				String secretAccessKeyEnv = optionalText(node, "secretAccessKeyEnv");
				if ((accessKeyIdEnv == null) != (secretAccessKeyEnv == null)) {
					throw usage("Give both \"destination.accessKeyIdEnv\" and \"destination.secretAccessKeyEnv\", "
							+ "or neither (then the AWS default credentials are used)");
				}
				if (accessKeyIdEnv != null) {
					check(accessKeyIdEnv, ENV, "destination.accessKeyIdEnv", "an environment variable name");
					check(secretAccessKeyEnv, ENV, "destination.secretAccessKeyEnv", "an environment variable name");
				}
				return new S3(bucket, (region != null) ? region : "us-east-1", endpointUri, pathStyle.asBoolean(false),
						prefix, accessKeyIdEnv, secretAccessKeyEnv);
			}
			case "filesystem" -> {
				String path = text(node, "path");
				return new Filesystem(Path.of(path), prefix);
			}
			default -> throw usage("\"destination.type\" must be \"s3\" or \"filesystem\", not '" + type + "'");
		}
	}

	private static String normalizePrefix(String prefix) throws RunnerFailure {
		String trimmed = prefix.replaceAll("^/+|/+$", "");
		for (String segment : trimmed.split("/")) {
			if (!trimmed.isEmpty() && !NAME.matcher(segment).matches()) {
				throw usage("\"destination.prefix\" must be folder names of letters, digits, '.', '_', '-' "
						+ "separated by '/', not '" + prefix + "'");
			}
		}
		return trimmed;
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

	private static String text(JsonNode node, String field) throws RunnerFailure {
		String value = optionalText(node, field);
		if (value == null || value.isBlank()) {
			throw usage("The spec needs \"" + field + "\"");
		}
		return value;
	}

	private static @Nullable String optionalText(JsonNode node, String field) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw usage("\"" + field + "\" must be a string");
		}
		return value.stringValue();
	}

	private static int integer(JsonNode node, String field, int fallback) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return fallback;
		}
		if (!value.isIntegralNumber()) {
			throw usage("\"" + field + "\" must be a whole number");
		}
		return value.asInt();
	}

	private static List<String> textList(JsonNode node, String field) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw usage("\"" + field + "\" must be a list of strings");
		}
		List<String> items = new ArrayList<>();
		for (JsonNode item : value.values()) {
			if (!item.isString() || item.stringValue().isBlank()) {
				throw usage("\"" + field + "\" must be a list of non-empty strings");
			}
			items.add(item.stringValue());
		}
		return List.copyOf(items);
	}

	private static String check(String value, Pattern pattern, String field, String allowed) throws RunnerFailure {
		if (!pattern.matcher(value).matches()) {
			throw usage("\"" + field + "\" must be " + allowed + ", not '" + value + "'");
		}
		return value;
	}

	private static RunnerFailure usage(String message) {
		return new RunnerFailure(FailureKind.USAGE, "Bad backup spec: " + message);
	}

}
