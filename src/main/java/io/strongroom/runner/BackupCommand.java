package io.strongroom.runner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.strongroom.storage.BackupStore;
import io.strongroom.storage.FilesystemBackupStore;
import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.storage.StorageException;
import io.strongroom.storage.StoredObject;
import io.strongroom.storage.Upload;
import org.jspecify.annotations.Nullable;

/**
 * One backup from spec to checked object (ARCHITECTURE.md, steps 3–6), in this order so
 * nothing half-done is left and nothing is reported that is not there:
 * <ol>
 * <li>read secrets from the environment, check the destination accepts us;</li>
 * <li>start the dump (statistics in its snapshot), stream it into the upload;</li>
 * <li>wait for the dump tool's success, only then complete the upload, with the checksums
 * as metadata;</li>
 * <li>write the manifest, then check the object's size and metadata;</li>
 * <li>report. On any failure: kill the dump, abort the upload, delete what was
 * written.</li>
 * </ol>
 */
final class BackupCommand {

	static final String META_RUN = "strongroom-run";

	static final String META_SHA256 = "strongroom-sha256";

	static final String META_HMAC = "strongroom-hmac";

	static final String META_MAC_SALT = "strongroom-mac-salt";

	private final Console console;

	private final Failures failures;

	private final Progress progress;

	private final Cancellation cancellation;

	BackupCommand(Console console, Failures failures, Progress progress, Cancellation cancellation) {
		this.console = console;
		this.failures = failures;
		this.progress = progress;
		this.cancellation = cancellation;
	}

	/**
	 * Runs the backup the spec describes.
	 * @return the result (status SUCCEEDED) as the JSON-ready map of the contract
	 * @throws RunnerFailure why it failed; nothing is left at the destination then
	 */
	Map<String, Object> run(BackupSpec spec) throws RunnerFailure {
		long start = System.nanoTime();
		Secret key = new Secret(this.console.requireEnv(spec.encryptionKeyEnv(), "the backup encryption key"));
		this.failures.secret(key.value());
		String rawUrl = this.console.requireEnv(spec.databaseUrlEnv(), "the database URL");
		DatabaseUrl url = DatabaseUrl.parse(rawUrl);
		this.failures.secret(url.password().value());
		DumpOptions options;
		try {
			options = DumpOptions.parse(url.engine(), spec.options());
		}
		catch (IllegalArgumentException ex) {
			throw new RunnerFailure(FailureKind.USAGE, "Bad dump options: " + ex.getMessage());
		}
		// The destination (seconds of S3 client start-up on a cold JVM) and the keys are
		// prepared while the database connects and the dump starts (the stream waits for
		// the keys only at its encryption stage); nothing is uploaded before the
		// destination said yes. The dump's connection estimates the size just before
		// the tool starts.
		CompletableFuture<StreamKeys> keys = StreamKeys.derive(key);
		CompletableFuture<Long> size = new CompletableFuture<>();
		CompletableFuture<BackupStore> destination = supply("strongroom-destination", () -> {
			BackupStore store = openStore(spec.destination());
			try {
				store.checkAccess();
			}
			catch (RuntimeException ex) {
				store.close();
				throw ex;
			}
			this.console.info("destination " + store + " is reachable");
			return store;
		});
		try {
			this.cancellation.check();
			this.progress.stage("connect");
			this.console.info("connecting to " + url);
			long connectStart = System.nanoTime();
			StartedDump dump;
			try {
				// checked once the database answered, before the dump tool starts
				dump = DatabaseDump.forEngine(url.engine())
					.start(new DumpRequest(url, spec.excludeTables(), options, spec.clientDirectories(),
							(estimatedBytes) -> {
								size.complete(estimatedBytes);
								checkUploadMemory(spec.destination(), estimatedBytes);
							}));
			}
			catch (RunnerFailure ex) {
				// a destination that fails too is the first thing to fix
				throw destinationFailure(destination).orElse(ex);
			}
			try (dump) {
				return stream(spec, keys, destination, size, dump, start, millisSince(connectStart));
			}
		}
		finally {
			destination.thenAccept(BackupStore::close);
		}
	}

	/** An S3 upload's parts must fit in this JVM's heap; a folder buffers nothing. */
	private static void checkUploadMemory(BackupSpec.Destination destination, long expectedBytes) throws RunnerFailure {
		if (destination instanceof BackupSpec.S3) {
			UploadMemory.check(expectedBytes, Runtime.getRuntime().maxMemory());
		}
	}

	/** Runs a step on its own daemon thread. */
	private static <T> CompletableFuture<T> supply(String name, ThrowingSupplier<T> step) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(step.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	@FunctionalInterface
	private interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

	private Optional<RunnerFailure> destinationFailure(CompletableFuture<BackupStore> destination) {
		try {
			destination.get(30, TimeUnit.SECONDS);
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			return Optional.of(this.failures.classify(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (TimeoutException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Bytes of the encrypted stream that may wait in memory for the destination; an
	 * object no larger goes in one request at the end (two S3 parts: below that a
	 * multipart upload overlaps little and costs four more requests and a copy).
	 */
	static final int DEFERRED_BYTES = 16 * 1024 * 1024;

	private Map<String, Object> stream(BackupSpec spec, CompletableFuture<StreamKeys> keys,
			CompletableFuture<BackupStore> destination, CompletableFuture<Long> size, StartedDump dump, long start,
			long connectMillis) throws RunnerFailure {
		String objectKey = ObjectNames.objectKey(spec, dump.engine());
		String manifestKey = ObjectNames.manifestKey(objectKey);
		this.console.info("dumping " + dump.engine().name().toLowerCase(Locale.ROOT) + " " + dump.serverVersion()
				+ " with " + dump.clientVersion());
		DeferredUpload upload = new DeferredUpload(() -> {
			BackupStore destinationStore = join(destination);
			long expectedBytes = size.join();
			this.console.info("writing " + objectKey
					+ ((expectedBytes >= 0) ? " (about " + Progress.bytes(expectedBytes) + " on the server)" : ""));
			return destinationStore.startUpload(objectKey, Map.of(META_RUN, spec.runId()), expectedBytes);
		}, (content, metadata) -> {
			BackupStore destinationStore = join(destination);
			this.console.info("writing " + objectKey + " (" + Progress.bytes(content.length) + ", in one request)");
			return destinationStore.put(objectKey, content, metadata);
		}, destination, DEFERRED_BYTES);
		BackupStore store = null;
		this.progress.stage("dump");
		long dumpStart = System.nanoTime();
		boolean completed = false;
		try {
			BackupPipeline pipeline = new BackupPipeline(spec.compression(), keys, this.progress);
			BackupPipeline.Outcome outcome = pipeline.stream(dump.stdout(), upload, dump::kill, this.cancellation);
			StreamKeys streamKeys = keys.join();
			dump.awaitSuccess();
			// counted in the dump's snapshot while it ran
			DatabaseStatistics statistics = dump.statistics();
			this.cancellation.check();
			long dumpMillis = millisSince(dumpStart);
			this.console.info("dump complete: " + Progress.bytes(outcome.bytesIn()) + " in, "
					+ Progress.bytes(outcome.bytesOut()) + " out, " + statistics.tables().size() + " tables, "
					+ statistics.totalRows() + " rows; completing the upload");
			this.progress.stage("upload");
			long uploadStart = System.nanoTime();
			Map<String, String> metadata = new LinkedHashMap<>();
			metadata.put(META_RUN, spec.runId());
			metadata.put(META_SHA256, outcome.sha256());
			metadata.put(META_HMAC, outcome.hmac());
			metadata.put(META_MAC_SALT, HexFormat.of().formatHex(streamKeys.macSalt()));
			store = join(destination);
			completed = true;
			// what the destination shows after completing (all stores read it back)
			StoredObject stored = upload.complete(metadata);
			this.console.info("upload complete; writing the manifest");
			this.cancellation.check();
			this.progress.stage("manifest");
			Manifest manifest = new Manifest(objectKey, spec.runId(), engineName(dump.engine()),
					(dump.engine() == Engine.POSTGRES) ? "pg_dump custom archive" : "SQL script", dump.serverVersion(),
					dump.clientVersion(), spec.compression(), streamKeys.salt(), streamKeys.macSalt(), outcome.sha256(),
					outcome.hmac(), outcome.bytesIn(), outcome.bytesCompressed(), outcome.bytesOut(), spec.startedAt(),
					this.console.clock().instant(), spec.excludeTables(), statistics);
			store.put(manifestKey, manifest.toJson().getBytes(StandardCharsets.UTF_8), Map.of(META_RUN, spec.runId()));
			check(stored, objectKey, outcome);
			long uploadMillis = millisSince(uploadStart);
			this.console.info("stored " + objectKey + ": " + Progress.bytes(outcome.bytesIn()) + " dumped, "
					+ Progress.bytes(outcome.bytesOut()) + " written in "
					+ String.format(Locale.ROOT, "%.1f s", millisSince(start) / 1000.0));
			return result(spec, dump, objectKey, manifestKey, outcome, statistics, Map.of("connect", connectMillis,
					"dump", dumpMillis, "upload", uploadMillis, "total", millisSince(start)));
		}
		catch (Exception ex) {
			RunnerFailure failure = this.failures.classify(ex);
			dump.kill();
			abortQuietly(upload, failure);
			if (completed && store != null) {
				deleteQuietly(store, objectKey, failure);
				deleteQuietly(store, manifestKey, failure);
			}
			throw failure;
		}
	}

	/** The destination, once ready, or its failure. */
	private static BackupStore join(CompletableFuture<BackupStore> destination) throws RunnerFailure {
		try {
			return destination.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RunnerFailure failure) {
				throw failure;
			}
			if (ex.getCause() instanceof StorageException storage) {
				throw Failures.storage(storage);
			}
			throw ex;
		}
	}

	/**
	 * The mirror of "never point at a missing object": check what the destination showed
	 * after completing (its head) before reporting.
	 */
	private void check(StoredObject stored, String objectKey, BackupPipeline.Outcome outcome) throws RunnerFailure {
		if (stored.size() != outcome.bytesOut()) {
			throw new RunnerFailure(FailureKind.DESTINATION_FAILED, "The destination holds " + stored.size()
					+ " bytes for " + objectKey + ", but " + outcome.bytesOut() + " were written");
		}
		if (!outcome.hmac().equals(stored.metadata().get(META_HMAC))) {
			throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
					"The destination did not keep the metadata of " + objectKey);
		}
	}

	private void abortQuietly(Upload upload, RunnerFailure failure) {
		retrying("abort the upload", failure, upload::abort);
	}

	private void deleteQuietly(BackupStore store, String key, RunnerFailure failure) {
		retrying("delete " + key, failure, () -> store.delete(key));
	}

	/**
	 * Clean-up after a failure: a destination that went away may come back, so keep
	 * trying (with back-off) for the clean-up timeout before giving up and saying so.
	 */
	private void retrying(String action, RunnerFailure failure, Runnable cleanUp) {
		long deadline = System.nanoTime() + this.console.cleanupTimeout().toNanos();
		long pause = 500;
		while (true) {
			try {
				cleanUp.run();
				return;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() + pause * 1_000_000 > deadline) {
					failure.addSuppressed(ex);
					this.console.warn("could not " + action + ": " + this.failures.mask(String.valueOf(ex.getMessage()))
							+ ". A pending multipart upload may remain: an S3 lifecycle rule "
							+ "(AbortIncompleteMultipartUpload) removes it.");
					return;
				}
				this.console.info("could not " + action + " yet, trying again: "
						+ this.failures.mask(String.valueOf(ex.getMessage())));
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				pause = Math.min(pause * 2, 8_000);
			}
		}
	}

	private Map<String, Object> result(BackupSpec spec, StartedDump dump, String objectKey, String manifestKey,
			BackupPipeline.Outcome outcome, DatabaseStatistics statistics, Map<String, Long> durations) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", "SUCCEEDED");
		result.put("runId", spec.runId());
		result.put("objectKey", objectKey);
		result.put("manifestKey", manifestKey);
		result.put("engine", engineName(dump.engine()));
		result.put("compression", spec.compression().algorithm().id());
		result.put("bytesIn", outcome.bytesIn());
		result.put("bytesOut", outcome.bytesOut());
		result.put("sha256", outcome.sha256());
		result.put("hmacSha256", outcome.hmac());
		Map<String, Long> ordered = new LinkedHashMap<>();
		for (String stage : new String[] { "connect", "dump", "upload", "total" }) {
			ordered.put(stage, durations.get(stage));
		}
		result.put("durationsMillis", ordered);
		result.put("serverVersion", dump.serverVersion());
		result.put("clientVersion", dump.clientVersion());
		result.put("statistics", Manifest.statistics(statistics));
		return result;
	}

	static String engineName(Engine engine) {
		return engine.name().toLowerCase(Locale.ROOT);
	}

	/** The store a spec's destination names, with credentials from the environment. */
	BackupStore openStore(BackupSpec.Destination destination) throws RunnerFailure {
		if (destination instanceof BackupSpec.S3 s3) {
			@Nullable String accessKeyId = null;
			@Nullable String secret = null;
			if (s3.accessKeyIdEnv() != null && s3.secretAccessKeyEnv() != null) {
				accessKeyId = this.console.requireEnv(s3.accessKeyIdEnv(), "the S3 access key id");
				secret = this.console.requireEnv(s3.secretAccessKeyEnv(), "the S3 secret access key");
				this.failures.secret(secret);
			}
			return new S3BackupStore(
					new S3Destination(s3.bucket(), s3.region(), s3.endpoint(), s3.pathStyle(), accessKeyId, secret));
		}
		BackupSpec.Filesystem filesystem = (BackupSpec.Filesystem) destination;
		return new FilesystemBackupStore(filesystem.path());
	}

	private static long millisSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
	}

}
