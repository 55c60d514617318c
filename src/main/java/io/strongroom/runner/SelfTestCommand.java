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
 * the code paths a backup starts with.
 */
final class SelfTestCommand {

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
		result.put("durationMillis", Duration.ofNanos(System.nanoTime() - start).toMillis());
		this.console.info("self-test passed");
		return result;
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
