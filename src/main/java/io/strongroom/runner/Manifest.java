package io.strongroom.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The sidecar {@code <object>.manifest.json}: everything needed to check and restore the
 * object without Strongroom. Written indented, one value per line, so {@code sed} can
 * read it; {@code docs/file-format.md} describes every field.
 */
record Manifest(String objectKey, String runId, String engine, String format, String serverVersion,
		String clientVersion, CompressionSettings compression, byte[] salt, byte[] macSalt, String sha256, String hmac,
		long dumpBytes, long compressedBytes, long objectBytes, Instant startedAt, @Nullable Instant completedAt,
		List<String> excludeTables, @Nullable DatabaseStatistics statistics) {

	static final int FORMAT_VERSION = 1;

	private static final HexFormat HEX = HexFormat.of();

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("formatVersion", FORMAT_VERSION);
		map.put("tool", "strongroom");
		map.put("objectKey", this.objectKey);
		map.put("runId", this.runId);
		map.put("startedAt", this.startedAt.toString());
		map.put("completedAt", (this.completedAt != null) ? this.completedAt.toString() : null);
		map.put("engine", this.engine);
		map.put("format", this.format);
		map.put("serverVersion", this.serverVersion);
		map.put("clientVersion", this.clientVersion);
		Map<String, Object> compression = new LinkedHashMap<>();
		compression.put("algorithm", this.compression.algorithm().id());
		compression.put("level", this.compression.level());
		map.put("compression", compression);
		Map<String, Object> encryption = new LinkedHashMap<>();
		encryption.put("cipher", OpenSslFormat.CIPHER);
		encryption.put("container", "openssl enc, Salted__ header");
		encryption.put("kdf", "pbkdf2");
		encryption.put("kdfDigest", "sha256");
		encryption.put("iterations", OpenSslFormat.ITERATIONS);
		encryption.put("salt", HEX.formatHex(this.salt));
		encryption.put("decrypt",
				"openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 -pass env:STRONGROOM_ENCRYPTION_KEY");
		map.put("encryption", encryption);
		Map<String, Object> integrity = new LinkedHashMap<>();
		integrity.put("sha256", this.sha256);
		integrity.put("hmacSha256", this.hmac);
		integrity.put("macSalt", HEX.formatHex(this.macSalt));
		integrity.put("macKdf", "pbkdf2");
		integrity.put("macKdfDigest", "sha256");
		integrity.put("macIterations", OpenSslFormat.ITERATIONS);
		integrity.put("macKey", "the key printed by: openssl enc -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 "
				+ "-pass env:STRONGROOM_ENCRYPTION_KEY -S <macSalt> -P");
		integrity.put("covers", "every byte of the object, Salted__ header included");
		map.put("integrity", integrity);
		Map<String, Object> sizes = new LinkedHashMap<>();
		sizes.put("dumpBytes", this.dumpBytes);
		sizes.put("compressedBytes", this.compressedBytes);
		sizes.put("objectBytes", this.objectBytes);
		map.put("sizes", sizes);
		map.put("excludeTables", this.excludeTables);
		map.put("statistics", (this.statistics != null) ? statistics(this.statistics) : null);
		return map;
	}

	String toJson() {
		return Json.PRETTY.writeValueAsString(toMap()) + "\n";
	}

	static Map<String, Object> statistics(DatabaseStatistics statistics) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("databaseBytes", statistics.databaseBytes());
		List<Map<String, Object>> tables = new ArrayList<>();
		for (TableStatistics table : statistics.tables()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("schema", table.schema());
			row.put("name", table.name());
			row.put("rows", table.rows());
			row.put("tableBytes", table.tableBytes());
			row.put("indexBytes", table.indexBytes());
			tables.add(row);
		}
		map.put("tables", tables);
		return map;
	}

	/**
	 * Reads a manifest this or an earlier runner wrote.
	 * @throws RunnerFailure {@link FailureKind#USAGE} when it is not one
	 */
	static Manifest parse(String json) throws RunnerFailure {
		try {
			JsonNode root = Json.COMPACT.readTree(json);
			if (root == null || !root.isObject() || root.path("formatVersion").asInt(-1) < 1) {
				throw usage("it has no \"formatVersion\"");
			}
			if (root.path("formatVersion").asInt() > FORMAT_VERSION) {
				throw usage("its format version " + root.path("formatVersion").asInt()
						+ " is newer than this runner knows (" + FORMAT_VERSION + "); use a newer Strongroom");
			}
			JsonNode integrity = root.path("integrity");
			JsonNode encryption = root.path("encryption");
			if (integrity.path("macIterations").asInt(OpenSslFormat.ITERATIONS) != OpenSslFormat.ITERATIONS
					|| encryption.path("iterations").asInt(OpenSslFormat.ITERATIONS) != OpenSslFormat.ITERATIONS) {
				throw usage("it names key derivation parameters this runner does not use");
			}
			CompressionSettings.Algorithm algorithm = CompressionSettings.Algorithm
				.of(required(root.path("compression"), "algorithm"));
			CompressionSettings compression = new CompressionSettings(algorithm,
					root.path("compression").path("level").asInt(algorithm.defaultLevel()), 0);
			List<String> excluded = new ArrayList<>();
			root.path("excludeTables").values().forEach((node) -> excluded.add(node.asString()));
			return new Manifest(root.path("objectKey").asString(""), root.path("runId").asString(""),
					required(root, "engine"), root.path("format").asString(""), root.path("serverVersion").asString(""),
					root.path("clientVersion").asString(""), compression, hex(encryption.path("salt").asString("")),
					hex(required(integrity, "macSalt")), required(integrity, "sha256"),
					required(integrity, "hmacSha256"), root.path("sizes").path("dumpBytes").asLong(-1),
					root.path("sizes").path("compressedBytes").asLong(-1),
					root.path("sizes").path("objectBytes").asLong(-1), Instant.parse(required(root, "startedAt")),
					root.path("completedAt").isString() ? Instant.parse(root.path("completedAt").asString()) : null,
					excluded, statistics(root.path("statistics")));
		}
		catch (JacksonException | IllegalArgumentException | java.time.DateTimeException ex) {
			throw usage("it cannot be read (" + ex.getMessage() + ")");
		}
	}

	private static @Nullable DatabaseStatistics statistics(JsonNode node) {
		if (!node.isObject()) {
			return null;
		}
		List<TableStatistics> tables = new ArrayList<>();
		for (JsonNode table : node.path("tables").values()) {
			tables.add(new TableStatistics(table.path("schema").asString(), table.path("name").asString(),
					table.path("rows").asLong(), table.path("tableBytes").asLong(), table.path("indexBytes").asLong()));
		}
		return new DatabaseStatistics(node.path("databaseBytes").asLong(), tables);
	}

	private static String required(JsonNode node, String field) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (!value.isString() || value.stringValue().isBlank()) {
			throw usage("it has no \"" + field + "\"");
		}
		return value.stringValue();
	}

	private static byte[] hex(String hex) {
		return HEX.parseHex(hex);
	}

	private static RunnerFailure usage(String why) {
		return new RunnerFailure(FailureKind.USAGE, "This is not a Strongroom manifest: " + why);
	}

}
