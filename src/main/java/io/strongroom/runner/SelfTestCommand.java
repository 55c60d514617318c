package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.strongroom.storage.FilesystemBackupStore;
import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.storage.Upload;

/**
 * {@code self-test}: checks, without a database or network, that this runner works on
 * this machine: a generated dump goes through the backup pipeline (zstd and gzip, the
 * keys, AES-256-CBC, the HMAC) into a temporary folder and is read back, checked and
 * decrypted; the S3 client starts and signs a URL (no request is sent). It is also the
 * training run that writes the runner bundle's class-data archive (AppCDS), so it uses
 * the code paths a backup starts with. A build has no database or S3 server, so the
 * classes only a real backup and verification load (the JDBC drivers' connections, the S3
 * client's requests: {@value #TRAINING_CLASSES}, made by
 * {@code bench/training-classes.sh}) are loaded by name when the system property
 * {@value #TRAINING_PROPERTY} is set, as the bundle's training run sets it: an archive
 * holds every class loaded, initialized or not.
 */
final class SelfTestCommand {

	static final String TRAINING_PROPERTY = "strongroom.cds-training";

	static final String TRAINING_CLASSES = "training-classes.txt";

	private static final int DUMP_BYTES = 4 * 1024 * 1024;

	private final Console console;

	SelfTestCommand(Console console) {
		this.console = console;
	}

	Map<String, Object> run() throws Exception {
		long start = System.nanoTime();
		byte[] dump = dump();
		byte[] passphrase = new byte[24];
		new SecureRandom().nextBytes(passphrase);
		Secret key = new Secret(HexFormat.of().formatHex(passphrase));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", "OK");
		Path folder = Files.createTempDirectory("strongroom-self-test");
		try (FilesystemBackupStore store = new FilesystemBackupStore(folder)) {
			for (CompressionSettings.Algorithm algorithm : CompressionSettings.Algorithm.values()) {
				CompressionSettings compression = new CompressionSettings(algorithm, algorithm.defaultLevel(),
						CompressionSettings.DEFAULT_WORKERS);
				StreamKeys keys = StreamKeys.derive(key).join();
				String name = "self-test." + algorithm.extension() + ".enc";
				BackupPipeline.Outcome outcome;
				try (Upload upload = store.startUpload(name, Map.of(), -1)) {
					outcome = new BackupPipeline(compression, CompletableFuture.completedFuture(keys), new Progress())
						.stream(new ByteArrayInputStream(dump), upload, () -> {
						}, new Cancellation());
					upload.complete(Map.of(BackupCommand.META_HMAC, outcome.hmac()));
				}
				try (InputStream object = store.get(name)) {
					Integrity.of(object, OpenSslFormat.mac(key, keys.macSalt()))
						.verify(outcome.hmac(), outcome.sha256());
				}
				try (InputStream plain = CompressionSettings
					.decompressing(new DecryptingInputStream(store.get(name), key), algorithm)) {
					if (!Arrays.equals(plain.readAllBytes(), dump)) {
						throw new IllegalStateException("The " + algorithm.id() + " round trip changed the data");
					}
				}
				result.put(algorithm.id(),
						Progress.bytes(outcome.bytesIn()) + " -> " + Progress.bytes(outcome.bytesOut()));
			}
		}
		finally {
			deleteAll(folder);
		}
		try (S3BackupStore s3 = new S3BackupStore(new S3Destination("self-test", "us-east-1",
				URI.create("http://127.0.0.1:9000"), true, "self-test", "self-test"))) {
			s3.presignedGet("self-test.dump.zst.enc", Duration.ofMinutes(1));
		}
		if (Boolean.getBoolean(TRAINING_PROPERTY)) {
			result.put("trainingClasses", loadTrainingClasses());
		}
		result.put("durationMillis", Duration.ofNanos(System.nanoTime() - start).toMillis());
		this.console.info("self-test passed");
		return result;
	}

	/**
	 * Loads (without initializing) the classes of the training list that this JVM has;
	 * names it does not know (a dependency changed since the list was made) are skipped.
	 * @return how many were loaded
	 */
	static int loadTrainingClasses() throws IOException {
		ClassLoader loader = SelfTestCommand.class.getClassLoader();
		int loaded = 0;
		try (InputStream in = SelfTestCommand.class.getResourceAsStream(TRAINING_CLASSES)) {
			if (in == null) {
				return 0;
			}
			for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (name.isBlank() || name.startsWith("#")) {
					continue;
				}
				try {
					Class.forName(name.trim(), false, loader);
					loaded++;
				}
				catch (ClassNotFoundException | LinkageError ex) {
					// not in this build: the archive simply lacks it
				}
			}
		}
		return loaded;
	}

	/** Compressible like a dump: lines of words and numbers. */
	private static byte[] dump() {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder(DUMP_BYTES + 100);
		while (text.length() < DUMP_BYTES) {
			text.append(random.nextInt(1_000_000))
				.append('\t')
				.append(Long.toHexString(random.nextLong()))
				.append("\tcustomer ")
				.append(random.nextInt(5000))
				.append('\n');
		}
		return text.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static void deleteAll(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
