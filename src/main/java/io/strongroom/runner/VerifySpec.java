package io.strongroom.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What one verification checks, as the web service (or a person, for
 * {@code verify --spec}) writes it: {@code VERIFY-CONTRACT.md}, documented in
 * {@code docs/runner-spec.md}. No secrets: they stay in the environment variables the
 * spec names. Fields the web service always sends but a person may not know (the
 * checksums, the statistics, the engine) default to the manifest's; when given, they must
 * agree with it.
 *
 * @param verificationId the verification, for the result
 * @param runId the backup run, or null to take the manifest's
 * @param engine {@code postgres}, {@code mysql} or {@code mariadb}, or null for the
 * manifest's
 * @param compression the object's compression, or null for the manifest's
 * @param objectKey the object to check
 * @param manifestKey its manifest
 * @param sha256 the SHA-256 recorded for the run, or null
 * @param hmacSha256 the HMAC recorded for the run, or null
 * @param encryptionKeyEnv the variable holding the encryption key
 * @param destination where the object is
 * @param restoreTest the restore test, or null for the integrity check only
 * @param statistics what the backup contained, or null for the manifest's
 * @param clientDirectories folders searched for {@code pg_restore}/{@code mariadb}
 */
record VerifySpec(String verificationId, @Nullable String runId, @Nullable String engine,
		CompressionSettings.@Nullable Algorithm compression, String objectKey, String manifestKey,
		@Nullable String sha256, @Nullable String hmacSha256, String encryptionKeyEnv,
		BackupSpec.Destination destination, @Nullable RestoreTest restoreTest, @Nullable DatabaseStatistics statistics,
		List<Path> clientDirectories) {

	/** Where to restore: the customer's empty verification database, or a new one. */
	enum Mode {

		/** The database in the URL, which must hold no user tables. */
		EXISTING,
		/** A database {@code strongroom_verify_<random>} created on the URL's server. */
		CREATE

	}

	/**
	 * @param databaseUrlEnv the variable holding the verification database's URL (for
	 * {@code create}: a server and a maintenance database)
	 * @param mode existing or create
	 */
	record RestoreTest(String databaseUrlEnv, Mode mode) {
	}

	static final int VERSION = 1;

	private static final SpecFields SPEC = new SpecFields("verify spec");

	private static final Pattern HEX_256 = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9!_.*'()/-]{1,1024}");

	private static final Set<String> ENGINES = Set.of("postgres", "mysql", "mariadb");

	private static final Set<String> FIELDS = Set.of("version", "verificationId", "runId", "engine", "compression",
			"objectKey", "manifestKey", "sha256", "hmacSha256", "encryptionKeyEnv", "destination", "restoreTest",
			"statistics", "clientDirectories");

	/**
	 * Reads and checks a spec.
	 * @param json the spec
	 * @param warnings told about fields this runner does not know (a newer web service)
	 * @throws RunnerFailure {@link FailureKind#USAGE} naming the field to fix
	 */
	static VerifySpec parse(String json, Consumer<String> warnings) throws RunnerFailure {
		JsonNode root;
		try {
			root = Json.COMPACT.readTree(json);
		}
		catch (JacksonException ex) {
			throw SPEC.usage("The spec is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw SPEC.usage("The spec must be a JSON object");
		}
		if (root.path("version").asInt(-1) != VERSION) {
			throw SPEC.usage("The spec's \"version\" must be " + VERSION + " (found " + root.path("version") + ")");
		}
		for (String field : root.propertyNames()) {
			if (!FIELDS.contains(field)) {
				warnings.accept("The spec field \"" + field + "\" is not known to this runner and is ignored");
			}
		}
		String verificationId = SPEC.optionalText(root, "verificationId");
		verificationId = SPEC.check((verificationId != null) ? verificationId : UUID.randomUUID().toString(),
				SpecFields.ID, "verificationId", "letters, digits and '-'");
		String runId = SPEC.optionalText(root, "runId");
		if (runId != null) {
			SPEC.check(runId, SpecFields.ID, "runId", "letters, digits and '-'");
		}
		String engine = SPEC.optionalText(root, "engine");
		if (engine != null && !ENGINES.contains(engine)) {
			throw SPEC.usage("\"engine\" must be \"postgres\", \"mysql\" or \"mariadb\", not '" + engine + "'");
		}
		CompressionSettings.Algorithm compression = null;
		String compressionName = SPEC.optionalText(root, "compression");
		if (compressionName != null) {
			if (!Set.of("zstd", "gzip").contains(compressionName)) {
				throw SPEC.usage("\"compression\" must be \"zstd\" or \"gzip\", not '" + compressionName + "'");
			}
			compression = CompressionSettings.Algorithm.of(compressionName);
		}
		String objectKey = key(SPEC.text(root, "objectKey"), "objectKey");
		String manifestKey = SPEC.optionalText(root, "manifestKey");
		manifestKey = key((manifestKey != null) ? manifestKey : ObjectNames.manifestKey(objectKey), "manifestKey");
		String sha256 = hex(SPEC.optionalText(root, "sha256"), "sha256");
		String hmac = hex(SPEC.optionalText(root, "hmacSha256"), "hmacSha256");
		String encryptionKeyEnv = SPEC.optionalText(root, "encryptionKeyEnv");
		encryptionKeyEnv = SPEC.check((encryptionKeyEnv != null) ? encryptionKeyEnv : DecryptCommand.KEY_ENV,
				SpecFields.ENV, "encryptionKeyEnv", "an environment variable name");
		BackupSpec.Destination destination = SPEC.destination(root.path("destination"));
		RestoreTest restoreTest = restoreTest(root.path("restoreTest"));
		DatabaseStatistics statistics = statistics(root.path("statistics"));
		List<Path> clientDirectories = new ArrayList<>();
		for (String directory : SPEC.textList(root, "clientDirectories")) {
			clientDirectories.add(Path.of(directory));
		}
		return new VerifySpec(verificationId, runId, engine, compression, objectKey, manifestKey, sha256, hmac,
				encryptionKeyEnv, destination, restoreTest, statistics, List.copyOf(clientDirectories));
	}

	private static String key(String key, String field) throws RunnerFailure {
		if (!KEY.matcher(key).matches() || key.startsWith("/") || key.contains("//")
				|| List.of(key.split("/")).contains("..")) {
			throw SPEC.usage("\"" + field + "\" must be an object key like backups/acme/DATABASE/2026/11/22/"
					+ "20261122T030000Z-<run>.dump.zst.enc (no leading '/', no '..'), not '" + key + "'");
		}
		return key;
	}

	private static @Nullable String hex(@Nullable String value, String field) throws RunnerFailure {
		if (value == null) {
			return null;
		}
		if (!HEX_256.matcher(value).matches()) {
			throw SPEC.usage("\"" + field + "\" must be 64 hexadecimal digits, not '" + value + "'");
		}
		return value.toLowerCase(Locale.ROOT);
	}

	private static @Nullable RestoreTest restoreTest(JsonNode node) throws RunnerFailure {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw SPEC.usage("\"restoreTest\" must be null or an object like {\"databaseUrlEnv\": "
					+ "\"STRONGROOM_VERIFY_DATABASE_URL\", \"mode\": \"existing\"}");
		}
		String urlEnv = SPEC.check(SPEC.text(node, "databaseUrlEnv"), SpecFields.ENV, "restoreTest.databaseUrlEnv",
				"an environment variable name");
		String mode = SPEC.text(node, "mode");
		return switch (mode) {
			case "existing" -> new RestoreTest(urlEnv, Mode.EXISTING);
			case "create" -> new RestoreTest(urlEnv, Mode.CREATE);
			default -> throw SPEC.usage("\"restoreTest.mode\" must be \"existing\" or \"create\", not '" + mode + "'");
		};
	}

	/**
	 * The backup result's {@code statistics}, as {@link Manifest#statistics} writes it.
	 */
	private static @Nullable DatabaseStatistics statistics(JsonNode node) throws RunnerFailure {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isObject() || !node.path("tables").isArray()) {
			throw SPEC.usage("\"statistics\" must be the backup result's statistics: {\"databaseBytes\": n, "
					+ "\"tables\": [{\"schema\": \"public\", \"name\": \"orders\", \"rows\": 10, ...}]}");
		}
		List<TableStatistics> tables = new ArrayList<>();
		int index = 0;
		for (JsonNode table : node.path("tables").values()) {
			String at = "statistics.tables[" + index++ + "]";
			if (!table.isObject() || !table.path("schema").isString() || !table.path("name").isString()
					|| table.path("name").stringValue().isEmpty()) {
				throw SPEC.usage("\"" + at + "\" needs \"schema\" and \"name\"");
			}
			if (!table.path("rows").isIntegralNumber() || table.path("rows").asLong() < 0) {
				throw SPEC.usage("\"" + at + ".rows\" must be a whole number of at least 0");
			}
			tables.add(new TableStatistics(table.path("schema").stringValue(), table.path("name").stringValue(),
					table.path("rows").asLong(), table.path("tableBytes").asLong(0),
					table.path("indexBytes").asLong(0)));
		}
		return new DatabaseStatistics(node.path("databaseBytes").asLong(0), tables);
	}

}
