package io.strongroom.runner;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Object keys, as ARCHITECTURE.md fixes them:
 * {@code <prefix>/<addon>/<label>/<yyyy>/<mm>/
 *
<dd>/<yyyyMMdd'T'HHmmss'Z'>-<runId>.<ext>}.
 */
final class ObjectNames {

	private static final DateTimeFormatter FOLDERS = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	static final String MANIFEST_SUFFIX = ".manifest.json";

	private ObjectNames() {
	}

	static String objectKey(BackupSpec spec, Engine engine) {
		String prefix = spec.destination().prefix();
		return (prefix.isEmpty() ? "" : prefix + "/") + spec.addonName() + "/" + spec.databaseLabel() + "/"
				+ FOLDERS.format(spec.startedAt()) + "/" + STAMP.format(spec.startedAt()) + "-" + spec.runId() + "."
				+ extension(engine, spec.compression().algorithm());
	}

	/** {@code dump.zst.enc}, {@code sql.zst.enc}, or with {@code gz}. */
	static String extension(Engine engine, CompressionSettings.Algorithm algorithm) {
		return ((engine == Engine.POSTGRES) ? "dump" : "sql") + "." + algorithm.extension() + ".enc";
	}

	static String manifestKey(String objectKey) {
		return objectKey + MANIFEST_SUFFIX;
	}

}
