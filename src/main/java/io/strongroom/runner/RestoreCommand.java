package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code restore --in <file or URL> [--manifest F] --into-env NAME}: checks the backup's
 * HMAC against its manifest before a byte reaches the database (two passes over a local
 * copy), then decrypts, decompresses and streams it into the engine's own restore client,
 * and compares the restored tables' row counts with the backup's statistics.
 */
final class RestoreCommand {

	private final Console console;

	private final Failures failures;

	RestoreCommand(Console console, Failures failures) {
		this.console = console;
		this.failures = failures;
	}

	Map<String, Object> run(String in, @Nullable String manifestLocation, String intoEnv, boolean skipCheck)
			throws RunnerFailure, IOException {
		Secret key = new Secret(this.console.requireEnv(DecryptCommand.KEY_ENV, "the backup encryption key"));
		this.failures.secret(key.value());
		DatabaseUrl target = DatabaseUrl.parse(this.console.requireEnv(intoEnv, "the target database URL"));
		this.failures.secret(target.password().value());
		boolean remote = in.startsWith("https://") || in.startsWith("http://");
		Manifest manifest = manifest(in, remote, manifestLocation);
		if (manifest == null && !skipCheck) {
			throw new RunnerFailure(FailureKind.USAGE, "Give the backup's manifest with --manifest (the "
					+ "<object>.manifest.json beside it): the restore checks the HMAC before a byte reaches the "
					+ "database. To restore without that check, add --no-integrity-check.");
		}
		if (manifest != null) {
			checkEngine(manifest, target);
		}
		Integrity downloaded = (manifest != null) ? new Integrity(OpenSslFormat.mac(key, manifest.macSalt())) : null;
		try (BackupInput input = remote ? BackupInput.download(URI.create(in), downloaded)
				: BackupInput.file(Path.of(in))) {
			if (manifest != null) {
				input.integrity(OpenSslFormat.mac(key, manifest.macSalt())).verify(manifest.hmac(), manifest.sha256());
				this.console.info("HMAC-SHA256 and SHA-256 match the manifest; restoring into " + target);
			}
			else {
				this.console.warn("--no-integrity-check: the backup was NOT checked before the restore");
			}
			Integrity again = (manifest != null) ? new Integrity(OpenSslFormat.mac(key, manifest.macSalt())) : null;
			try (InputStream encrypted = input.open();
					InputStream checked = (again != null) ? new HashingInputStream(encrypted, again) : encrypted;
					InputStream plain = DecryptCommand.plain(checked, key, manifest)) {
				DatabaseRestore.forEngine(target.engine()).restore(plain, target);
				if (again != null) {
					checked.transferTo(OutputStream.nullOutputStream());
					again.verify(manifest.hmac(), manifest.sha256());
				}
			}
			catch (IntegrityException ex) {
				throw new RunnerFailure(FailureKind.INTEGRITY, ex.getMessage()
						+ " The backup changed while it was restored: the target database may hold part of it.");
			}
		}
		return compare(target, manifest);
	}

	private @Nullable Manifest manifest(String in, boolean remote, @Nullable String location)
			throws RunnerFailure, IOException {
		if (location != null) {
			if (location.startsWith("https://") || location.startsWith("http://")) {
				try (BackupInput download = BackupInput.download(URI.create(location), null);
						InputStream json = download.open()) {
					return Manifest.parse(new String(json.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return DecryptCommand.readManifest(Path.of(location));
		}
		Path beside = remote ? null : Path.of(in + ObjectNames.MANIFEST_SUFFIX);
		if (beside != null && Files.isReadable(beside)) {
			this.console.info("using the manifest beside the backup: " + beside);
			return DecryptCommand.readManifest(beside);
		}
		return null;
	}

	private static void checkEngine(Manifest manifest, DatabaseUrl target) throws RunnerFailure {
		boolean postgresBackup = "postgres".equals(manifest.engine());
		if (postgresBackup != (target.engine() == Engine.POSTGRES)) {
			throw new RunnerFailure(FailureKind.USAGE, "This is a " + manifest.engine() + " backup; it cannot be "
					+ "restored into " + target.engine().name().toLowerCase(Locale.ROOT) + " database " + target);
		}
	}

	private Map<String, Object> compare(DatabaseUrl target, @Nullable Manifest manifest) throws RunnerFailure {
		Map<String, Long> restored = TableCounts.rowCounts(target);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", "SUCCEEDED");
		result.put("tables", restored.size());
		result.put("rows", restored.values().stream().mapToLong(Long::longValue).sum());
		if (manifest != null && manifest.statistics() != null) {
			List<String> differences = new java.util.ArrayList<>();
			boolean byName = target.engine() != Engine.POSTGRES;
			for (TableStatistics table : manifest.statistics().tables()) {
				Long rows = byName ? byTableName(restored, table.name()) : restored.get(table.qualifiedName());
				if (rows == null || rows != table.rows()) {
					differences.add(table.qualifiedName() + ": backup " + table.rows() + ", restored " + rows);
				}
			}
			result.put("rowCountsMatch", differences.isEmpty());
			if (differences.isEmpty()) {
				this.console.info("restored " + restored.size() + " tables; every row count equals the backup's");
			}
			else {
				this.console.warn("row counts differ from the backup's statistics: " + String.join("; ", differences));
				result.put("differences", differences);
			}
		}
		return result;
	}

	private static @Nullable Long byTableName(Map<String, Long> counts, String name) {
		for (Map.Entry<String, Long> entry : counts.entrySet()) {
			if (entry.getKey().endsWith("." + name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/** Hashes the bytes a reader takes, to re-check them at the end. */
	private static final class HashingInputStream extends java.io.FilterInputStream {

		private final Integrity integrity;

		HashingInputStream(InputStream in, Integrity integrity) {
			super(in);
			this.integrity = integrity;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int n = super.read(bytes, offset, length);
			if (n > 0) {
				this.integrity.update(bytes, offset, n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			return super.skip(0);
		}

	}

}
