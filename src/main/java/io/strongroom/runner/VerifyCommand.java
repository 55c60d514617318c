package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;

import io.strongroom.storage.BackupStore;
import io.strongroom.storage.StorageException;
import io.strongroom.storage.StoredObject;
import org.jspecify.annotations.Nullable;

/**
 * {@code verify}: checks a stored backup ({@code VERIFY-CONTRACT.md}), in this order so
 * that nothing reaches a database before the HMAC is known to be right:
 * <ol>
 * <li>the manifest, the object's size and the checksums recorded for the run must
 * agree;</li>
 * <li>integrity: one streaming pass downloads the object, hashes it (SHA-256 and HMAC),
 * decrypts, decompresses and reads the archive through ({@link ArchiveCheck}); the
 * checksums must equal the recorded ones;</li>
 * <li>restore test (when asked, and only after 2): a second download streams into the
 * engine's restore client, is hashed again (the object must not have changed in between),
 * then every table's row count is compared with the backup's statistics, and what was
 * restored is removed, also after a failure or a cancellation.</li>
 * </ol>
 * "The backup is bad" is a result with status FAILED; "the runner could not do its job"
 * (the destination is unreachable, a cancellation) is a {@link RunnerFailure}.
 */
final class VerifyCommand {

	enum Status {

		PASSED, FAILED, SKIPPED

	}

	/**
	 * The integrity check's outcome; {@code sha256} is null when the object was not read.
	 */
	record IntegrityCheck(Status status, @Nullable String sha256, long bytes, long archiveEntries, String detail) {

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("status", this.status.name());
			map.put("sha256", this.sha256);
			map.put("bytes", this.bytes);
			map.put("archiveEntries", this.archiveEntries);
			map.put("detail", this.detail);
			return map;
		}

	}

	/** The restore test's outcome. */
	record RestoreCheck(Status status, long tables, long rows, List<RowCountComparison.Difference> differences,
			String detail) {

		static RestoreCheck skipped(String why) {
			return new RestoreCheck(Status.SKIPPED, 0, 0, List.of(), why);
		}

		static RestoreCheck failed(String why) {
			return new RestoreCheck(Status.FAILED, 0, 0, List.of(), why);
		}

		RestoreCheck withDetail(String more) {
			return new RestoreCheck(this.status, this.tables, this.rows, this.differences, this.detail + " " + more);
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("status", this.status.name());
			map.put("tables", this.tables);
			map.put("rows", this.rows);
			map.put("differences", this.differences.stream().map(RowCountComparison.Difference::toMap).toList());
			map.put("detail", this.detail);
			return map;
		}

	}

	/** What the manifest and the spec together say the object is. */
	private record Expected(Engine engine, CompressionSettings.Algorithm compression, byte[] macSalt, String sha256,
			String hmac, @Nullable String runId, @Nullable DatabaseStatistics statistics) {
	}

	private final Console console;

	private final Failures failures;

	private final Progress progress;

	private final Cancellation cancellation;

	/** Time spent waiting for the destination's bytes, both passes. */
	private final AtomicLong downloadNanos = new AtomicLong();

	/**
	 * The MAC for the manifest's salt: derived once (100,000 iterations), cloned per
	 * pass.
	 */
	private @Nullable Mac mac;

	/** The verification database, or why there is none. */
	private record Prepared(@Nullable VerificationDatabase database, @Nullable String skipped) {
	}

	VerifyCommand(Console console, Failures failures, Progress progress, Cancellation cancellation) {
		this.console = console;
		this.failures = failures;
		this.progress = progress;
		this.cancellation = cancellation;
	}

	Map<String, Object> run(VerifySpec spec) throws RunnerFailure {
		long start = System.nanoTime();
		Secret key = new Secret(this.console.requireEnv(spec.encryptionKeyEnv(), "the backup encryption key"));
		this.failures.secret(key.value());
		DatabaseUrl restoreUrl = null;
		if (spec.restoreTest() != null) {
			restoreUrl = DatabaseUrl
				.parse(this.console.requireEnv(spec.restoreTest().databaseUrlEnv(), "the verification database URL"));
			this.failures.secret(restoreUrl.password().value());
		}
		this.progress.stage("download");
		Map<String, Long> durations = new LinkedHashMap<>();
		try (BackupStore store = new BackupCommand(this.console, this.failures, this.progress, this.cancellation)
			.openStore(spec.destination())) {
			long integrityStart = System.nanoTime();
			this.console.info("checking " + spec.objectKey() + " at " + store);
			Expected[] expected = new Expected[1];
			IntegrityCheck integrity = records(spec, store, expected);
			RestoreCheck restore = null;
			if (integrity == null && spec.restoreTest() == null) {
				// one pass: hashed, decrypted and read through together
				integrity = verdict(spec, expected[0], pass(spec, store, key, expected[0], true, null));
			}
			else if (integrity == null) {
				// the checksums first, so that nothing reaches a database before the HMAC
				// is known to be right; the archive is read through during the restore.
				// The (empty) verification database is prepared meanwhile.
				CompletableFuture<Prepared> prepared = prepare(spec, restoreUrl, expected[0]);
				IntegrityCheck checked;
				try {
					checked = verdict(spec, expected[0], pass(spec, store, key, expected[0], false, null));
				}
				catch (RunnerFailure | RuntimeException ex) {
					discard(prepared);
					throw ex;
				}
				durations.put("integrity", millisSince(integrityStart));
				if (checked.status() == Status.FAILED) {
					integrity = checked;
					discard(prepared);
				}
				else {
					this.console.info("checksums match; starting the restore test");
					IntegrityCheck[] readThrough = new IntegrityCheck[1];
					restore = restoreTest(spec, prepared, store, key, expected[0], durations, readThrough);
					integrity = readThrough[0];
				}
			}
			durations.putIfAbsent("integrity", millisSince(integrityStart));
			this.console.info("integrity " + integrity.status() + ": " + integrity.detail());
			if (spec.restoreTest() != null) {
				if (restore == null) {
					restore = RestoreCheck.skipped("Not restored: the integrity check failed.");
				}
				this.console.info("restore test " + restore.status() + ": " + restore.detail());
			}
			durations.putIfAbsent("restore", 0L);
			durations.putIfAbsent("compare", 0L);
			durations.put("download", Duration.ofNanos(this.downloadNanos.get()).toMillis());
			durations.put("total", millisSince(start));
			String runId = (spec.runId() != null) ? spec.runId()
					: (expected[0] != null && expected[0].runId() != null) ? expected[0].runId() : null;
			return result(spec.verificationId(), runId, integrity, restore, durations);
		}
	}

	/**
	 * The overall status: FAILED if either part failed, else PASSED (integrity always
	 * runs).
	 */
	static Status overall(IntegrityCheck integrity, @Nullable RestoreCheck restore) {
		if (integrity.status() == Status.FAILED || (restore != null && restore.status() == Status.FAILED)) {
			return Status.FAILED;
		}
		return (integrity.status() == Status.PASSED) ? Status.PASSED : Status.SKIPPED;
	}

	/** The sentence a person reads first. */
	static String detail(IntegrityCheck integrity, @Nullable RestoreCheck restore) {
		if (integrity.status() == Status.FAILED) {
			return integrity.detail();
		}
		if (restore == null) {
			return integrity.detail() + " No restore test was asked for.";
		}
		return switch (restore.status()) {
			case PASSED -> integrity.detail() + " " + restore.detail();
			case SKIPPED -> integrity.detail() + " The restore test was skipped: " + restore.detail();
			case FAILED -> "The backup is intact, but the restore test failed: " + restore.detail();
		};
	}

	static Map<String, Object> result(String verificationId, @Nullable String runId, IntegrityCheck integrity,
			@Nullable RestoreCheck restore, Map<String, Long> durations) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", overall(integrity, restore).name());
		result.put("verificationId", verificationId);
		result.put("runId", runId);
		result.put("detail", detail(integrity, restore));
		result.put("integrity", integrity.toMap());
		result.put("restore", (restore != null) ? restore.toMap() : null);
		Map<String, Long> ordered = new LinkedHashMap<>();
		for (String stage : new String[] { "download", "integrity", "restore", "compare", "total" }) {
			ordered.put(stage, durations.getOrDefault(stage, 0L));
		}
		result.put("durationsMillis", ordered);
		return result;
	}

	/**
	 * Reads the manifest and the object's size and checks them against the spec.
	 * @return the failed integrity check, or null (and {@code expectedOut[0]} set) when
	 * they agree
	 */
	private @Nullable IntegrityCheck records(VerifySpec spec, BackupStore store, Expected[] expectedOut)
			throws RunnerFailure {
		Manifest manifest;
		try (InputStream in = store.get(spec.manifestKey())) {
			manifest = Manifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (StorageException ex) {
			if (ex.reason() == StorageException.Reason.NOT_FOUND) {
				return failedBeforeReading("The manifest " + spec.manifestKey() + " is missing at the destination: "
						+ "the backup is incomplete or was removed.", 0);
			}
			throw Failures.storage(ex);
		}
		catch (RunnerFailure ex) {
			return failedBeforeReading("The manifest " + spec.manifestKey() + " cannot be read: " + ex.getMessage(), 0);
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
					"Reading the manifest " + spec.manifestKey() + " failed: " + ex.getMessage(), ex);
		}
		Optional<StoredObject> head = store.head(spec.objectKey());
		if (head.isEmpty()) {
			return failedBeforeReading(
					"The object " + spec.objectKey() + " is missing at the destination (its manifest is there).", 0);
		}
		List<String> mismatches = mismatches(spec, manifest, head.get().size());
		if (!mismatches.isEmpty()) {
			return failedBeforeReading("The backup's records disagree: " + String.join("; ", mismatches) + ".",
					head.get().size());
		}
		expectedOut[0] = new Expected(engine((spec.engine() != null) ? spec.engine() : manifest.engine()),
				(spec.compression() != null) ? spec.compression() : manifest.compression().algorithm(),
				manifest.macSalt(), (spec.sha256() != null) ? spec.sha256() : manifest.sha256(),
				(spec.hmacSha256() != null) ? spec.hmacSha256() : manifest.hmac(),
				manifest.runId().isEmpty() ? null : manifest.runId(),
				(spec.statistics() != null) ? spec.statistics() : manifest.statistics());
		if (spec.sha256() == null || spec.hmacSha256() == null) {
			this.console.warn("the spec names no checksums: the object is checked against its manifest only");
		}
		return null;
	}

	/**
	 * What one download found.
	 *
	 * @param integrity the checksums of every byte
	 * @param readThrough whether the archive was read through
	 * @param entries the archive's entries
	 * @param damage why the archive could not be read through, or null
	 * @param restored whether a restore ran to its end
	 * @param restoreFailure why the restore failed, or null
	 */
	private record Pass(Integrity integrity, boolean readThrough, long entries, @Nullable String damage,
			boolean restored, @Nullable RunnerFailure restoreFailure) {
	}

	/**
	 * Downloads the object once, hashing every byte. With {@code decrypt}, the plain dump
	 * goes through the archive check and, with {@code restoreInto}, at the same time into
	 * the restore client (which only happens after a pass without {@code decrypt} matched
	 * the checksums).
	 */
	private Pass pass(VerifySpec spec, BackupStore store, Secret key, Expected expected, boolean decrypt,
			@Nullable VerificationDatabase restoreInto) throws RunnerFailure {
		this.progress.stage((restoreInto != null) ? "restore" : "integrity");
		Integrity integrity = new Integrity(mac(key, expected));
		String damage = null;
		long entries = 0;
		boolean restored = false;
		RunnerFailure restoreFailure = null;
		try (ObjectReader reader = new ObjectReader(store.get(spec.objectKey()), integrity, this.progress,
				this.cancellation, this.downloadNanos)) {
			if (decrypt) {
				try {
					BufferedInputStream plain = new BufferedInputStream(plain(reader, key, expected.compression()),
							ArchiveCheck.HEAD * 8);
					try (ArchiveCheck.Session check = ArchiveCheck
						.forEngine(expected.engine(), spec.clientDirectories())
						.start(ArchiveCheck.head(plain))) {
						if (restoreInto != null) {
							try {
								DatabaseRestore.forEngine(expected.engine(), spec.clientDirectories())
									.restore(ArchiveCheck.tee(plain, check), restoreInto.url());
								restored = true;
							}
							catch (RunnerFailure ex) {
								rethrowUnlessTheBytes(reader, ex);
								if (ex.kind() != FailureKind.RESTORE_FAILED
										&& ex.kind() != FailureKind.PERMISSION_DENIED
										&& ex.kind() != FailureKind.DUMP_FAILED) {
									throw ex;
								}
								restoreFailure = ex;
							}
						}
						// the rest (all of it without a restore, or what a failed restore
						// left)
						byte[] buffer = new byte[64 * 1024];
						for (int n; (n = plain.read(buffer)) >= 0;) {
							check.write(buffer, 0, n);
						}
						entries = check.finish();
					}
				}
				catch (ArchiveCheck.Damaged ex) {
					damage = ex.getMessage();
				}
				catch (IOException ex) {
					rethrowUnlessTheBytes(reader, ex);
					damage = "it does not decrypt and decompress (" + ex.getMessage() + ").";
				}
			}
			try {
				reader.drain();
			}
			catch (IOException ex) {
				rethrowUnlessTheBytes(reader, ex);
				throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
						"Reading " + spec.objectKey() + " failed: " + ex.getMessage(), ex);
			}
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
					"Closing " + spec.objectKey() + " failed: " + ex.getMessage(), ex);
		}
		return new Pass(integrity.finish(), decrypt, entries, damage, restored, restoreFailure);
	}

	/** The integrity check's verdict on what a pass found. */
	private IntegrityCheck verdict(VerifySpec spec, Expected expected, Pass pass) {
		Integrity integrity = pass.integrity();
		boolean hmacMatches = equal(integrity.hmac(), expected.hmac());
		boolean shaMatches = equal(integrity.sha256(), expected.sha256());
		String detail;
		Status status = Status.FAILED;
		if (!hmacMatches && shaMatches) {
			detail = "The object's SHA-256 matches but its HMAC-SHA256 does not: the encryption key in "
					+ spec.encryptionKeyEnv() + " is not the one the backup was made with.";
		}
		else if (!hmacMatches) {
			detail = "The object's SHA-256 and HMAC-SHA256 differ from those recorded for the backup: it was "
					+ "changed or truncated in storage (" + integrity.bytes() + " bytes read).";
		}
		else if (!shaMatches) {
			detail = "The object's HMAC-SHA256 matches but its SHA-256 differs from the one recorded for the run: "
					+ "the run's record is wrong.";
		}
		else if (pass.damage() != null) {
			detail = "The object is the one that was stored (its checksums match), but " + lowerFirst(pass.damage());
		}
		else if (!pass.readThrough()) {
			status = Status.PASSED;
			detail = "SHA-256 and HMAC-SHA256 match.";
		}
		else {
			status = Status.PASSED;
			detail = "SHA-256 and HMAC-SHA256 match; the backup decrypts, decompresses and reads through ("
					+ pass.entries() + " archive entries, " + Progress.bytes(integrity.bytes()) + ").";
		}
		return new IntegrityCheck(status, integrity.sha256(), integrity.bytes(), pass.entries(),
				this.failures.mask(detail));
	}

	private static IntegrityCheck failedBeforeReading(String detail, long bytes) {
		return new IntegrityCheck(Status.FAILED, null, bytes, 0, detail);
	}

	/** What differs between the spec, the manifest and the stored object (pure). */
	static List<String> mismatches(VerifySpec spec, Manifest manifest, long objectBytes) {
		List<String> mismatches = new ArrayList<>();
		if (spec.sha256() != null && !spec.sha256().equalsIgnoreCase(manifest.sha256())) {
			mismatches.add("the manifest's SHA-256 is not the one recorded for the run");
		}
		if (spec.hmacSha256() != null && !spec.hmacSha256().equalsIgnoreCase(manifest.hmac())) {
			mismatches.add("the manifest's HMAC-SHA256 is not the one recorded for the run");
		}
		if (spec.engine() != null && spec.engine().equals("postgres") != manifest.engine().equals("postgres")) {
			mismatches.add("the manifest says engine " + manifest.engine() + ", the run " + spec.engine());
		}
		if (spec.compression() != null && spec.compression() != manifest.compression().algorithm()) {
			mismatches.add("the manifest says compression " + manifest.compression().algorithm().id() + ", the run "
					+ spec.compression().id());
		}
		if (spec.runId() != null && !manifest.runId().isEmpty() && !spec.runId().equals(manifest.runId())) {
			mismatches.add("the manifest belongs to run " + manifest.runId() + ", not " + spec.runId());
		}
		if (manifest.objectBytes() >= 0 && manifest.objectBytes() != objectBytes) {
			mismatches.add("the object has " + objectBytes + " bytes, the manifest says " + manifest.objectBytes());
		}
		return mismatches;
	}

	/** The MAC of the manifest's salt, derived on first use. */
	private Mac mac(Secret key, Expected expected) {
		if (this.mac == null) {
			this.mac = OpenSslFormat.mac(key, expected.macSalt());
		}
		try {
			return (Mac) this.mac.clone();
		}
		catch (CloneNotSupportedException ex) {
			return OpenSslFormat.mac(key, expected.macSalt());
		}
	}

	/**
	 * Prepares the verification database on its own thread (creating one takes a moment
	 * the checksum pass need not wait for).
	 */
	private CompletableFuture<Prepared> prepare(VerifySpec spec, DatabaseUrl url, Expected expected) {
		if ((expected.engine() == Engine.POSTGRES) != (url.engine() == Engine.POSTGRES)) {
			return CompletableFuture.completedFuture(new Prepared(null, "the verification database " + url + " is "
					+ ((url.engine() == Engine.POSTGRES) ? "PostgreSQL" : "MySQL/MariaDB") + ", the backup is not."));
		}
		CompletableFuture<Prepared> prepared = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				prepared.complete(
						new Prepared(VerificationDatabase.prepare(spec.restoreTest().mode(), url, this.console), null));
			}
			catch (VerificationDatabase.Unusable ex) {
				prepared.complete(new Prepared(null, ex.getMessage()));
			}
			catch (RunnerFailure ex) {
				if (ex.kind() == FailureKind.CANCELLED || ex.kind() == FailureKind.INTERNAL) {
					prepared.completeExceptionally(ex);
				}
				else {
					prepared.complete(
							new Prepared(null, "the verification database could not be prepared: " + ex.getMessage()));
				}
			}
			catch (Throwable ex) {
				prepared.completeExceptionally(ex);
			}
		}, "strongroom-prepare");
		thread.setDaemon(true);
		thread.start();
		return prepared;
	}

	/** The prepared database, or the failure preparing it. */
	private Prepared await(CompletableFuture<Prepared> prepared) throws RunnerFailure {
		try {
			return prepared.join();
		}
		catch (CompletionException ex) {
			throw this.failures.classify(ex.getCause());
		}
	}

	/** Removes a database prepared for a restore test that will not run. */
	private void discard(CompletableFuture<Prepared> prepared) {
		Prepared ready;
		try {
			ready = await(prepared);
		}
		catch (RunnerFailure ex) {
			return;
		}
		if (ready.database() == null) {
			return;
		}
		try {
			List<String> left = ready.database().cleanUp();
			if (!left.isEmpty()) {
				this.console.warn("Could not remove from " + ready.database().describe() + ": "
						+ String.join(", ", left) + ". Remove it by hand.");
			}
		}
		catch (RunnerFailure ex) {
			this.console.warn("Could not remove " + ready.database().describe() + ": " + ex.getMessage()
					+ ". Remove it by hand.");
		}
	}

	/**
	 * Takes the prepared verification database, restores into it while the archive check
	 * reads the same bytes, compares, and always cleans up.
	 * @param readThrough receives the integrity check of the restore's pass (or of an
	 * integrity-only pass when the restore test is skipped)
	 */
	private RestoreCheck restoreTest(VerifySpec spec, CompletableFuture<Prepared> prepared, BackupStore store,
			Secret key, Expected expected, Map<String, Long> durations, IntegrityCheck[] readThrough)
			throws RunnerFailure {
		long restoreStart = System.nanoTime();
		this.progress.stage("restore");
		Prepared ready = await(prepared);
		String skipped = ready.skipped();
		VerificationDatabase database = ready.database();
		if (database == null) {
			// the integrity check still reads the archive through
			readThrough[0] = verdict(spec, expected, pass(spec, store, key, expected, true, null));
			return RestoreCheck.skipped(skipped);
		}
		this.console.info("restoring into " + database.describe());
		RestoreCheck check = null;
		RunnerFailure failure = null;
		try (AutoCloseable stopTools = this.cancellation.onCancel(VerifyCommand::killRestoreTools)) {
			Pass pass = pass(spec, store, key, expected, true, database);
			readThrough[0] = verdict(spec, expected, pass);
			durations.put("restore", millisSince(restoreStart));
			if (!equal(pass.integrity().hmac(), expected.hmac())) {
				check = RestoreCheck.failed("the object changed between the checksum pass and the restore (its HMAC "
						+ "differs now), so the restore test says nothing; verify again.");
			}
			else if (pass.restoreFailure() != null) {
				check = RestoreCheck.failed(
						"the restore into " + database.describe() + " failed: " + pass.restoreFailure().getMessage());
			}
			else if (!pass.restored()) {
				check = RestoreCheck.skipped("Not restored: the integrity check failed.");
			}
			else {
				this.cancellation.check();
				check = compare(database, expected, durations);
			}
		}
		catch (RunnerFailure ex) {
			failure = ex;
		}
		catch (Exception ex) {
			failure = this.failures.classify(ex);
		}
		this.progress.stage("cleanup");
		long cleanupStart = System.nanoTime();
		List<String> left;
		try {
			left = database.cleanUp();
		}
		catch (RunnerFailure ex) {
			left = List.of("everything (" + ex.getMessage() + ")");
		}
		durations.merge("restore", millisSince(cleanupStart), Long::sum);
		if (!left.isEmpty()) {
			String message = "Could not remove from " + database.describe() + ": " + String.join(", ", left)
					+ ". Remove it by hand.";
			this.console.warn(message);
			if (failure != null) {
				failure.addSuppressed(new IllegalStateException(message));
			}
			else {
				check = check.withDetail(message);
			}
		}
		else {
			this.console.info("removed what was restored (" + database.describe() + ")");
		}
		if (failure != null) {
			throw failure;
		}
		return check;
	}

	/** Every table's row count against the backup's statistics. */
	private RestoreCheck compare(VerificationDatabase database, Expected expected, Map<String, Long> durations)
			throws RunnerFailure {
		this.progress.stage("compare");
		long compareStart = System.nanoTime();
		Map<String, Long> counts = TableCounts.rowCounts(database.url());
		long rows = counts.values().stream().mapToLong(Long::longValue).sum();
		RestoreCheck check;
		if (expected.statistics() == null) {
			check = new RestoreCheck(Status.PASSED, counts.size(), rows, List.of(),
					"It restored into " + database.describe() + " (" + counts.size() + " tables, " + rows
							+ " rows); the backup has no statistics to compare the row counts with.");
		}
		else {
			List<RowCountComparison.Difference> differences = RowCountComparison.compare(expected.statistics(), counts,
					expected.engine() != Engine.POSTGRES);
			if (differences.isEmpty()) {
				check = new RestoreCheck(Status.PASSED, counts.size(), rows, List.of(),
						"It restored into " + database.describe() + " with the backup's row count in every one of "
								+ counts.size() + " tables (" + rows + " rows).");
			}
			else {
				int shown = Math.min(5, differences.size());
				check = new RestoreCheck(Status.FAILED, counts.size(), rows, differences, differences.size()
						+ ((differences.size() == 1) ? " table differs" : " tables differ")
						+ " from the backup's statistics: "
						+ String.join("; ",
								differences.subList(0, shown)
									.stream()
									.map(RowCountComparison.Difference::describe)
									.toList())
						+ ((differences.size() > shown) ? "; and " + (differences.size() - shown) + " more" : "")
						+ ".");
			}
		}
		durations.put("compare", millisSince(compareStart));
		return check;
	}

	/**
	 * Kills this process's restore clients: a cancellation must not wait for pg_restore
	 * to finish building indexes. (The restore notices the kill and fails; the clean-up
	 * follows.)
	 */
	static void killRestoreTools() {
		ProcessHandle.current()
			.children()
			.filter((child) -> child.info()
				.command()
				.map((command) -> command.endsWith("/pg_restore") || command.endsWith("/mariadb")
						|| command.endsWith("/mysql"))
				.orElse(false))
			.forEach((tool) -> {
				tool.descendants().forEach(ProcessHandle::destroyForcibly);
				tool.destroyForcibly();
			});
	}

	/** Decrypting, decompressing, counting what comes out. */
	private InputStream plain(InputStream encrypted, Secret key, CompressionSettings.Algorithm compression)
			throws IOException {
		InputStream plain = CompressionSettings.decompressing(new DecryptingInputStream(encrypted, key), compression);
		Progress counter = this.progress;
		return new FilterInputStream(plain) {

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = super.read(bytes, offset, length);
				if (n > 0) {
					counter.addOut(n);
				}
				return n;
			}

		};
	}

	/**
	 * A cancellation or a failing destination is the runner's failure, not the backup's:
	 * those are thrown; anything else is about the bytes and returns.
	 */
	private void rethrowUnlessTheBytes(ObjectReader reader, Exception ex) throws RunnerFailure {
		String cancelled = this.cancellation.reason();
		if (cancelled != null || ex instanceof ObjectReader.Cancelled) {
			throw new RunnerFailure(FailureKind.CANCELLED, "Cancelled: " + cancelled);
		}
		if (reader.sourceFailure() != null) {
			throw this.failures.classify(reader.sourceFailure());
		}
	}

	static Engine engine(String name) throws RunnerFailure {
		return switch (name) {
			case "postgres" -> Engine.POSTGRES;
			case "mysql" -> Engine.MYSQL;
			case "mariadb" -> Engine.MARIADB;
			default -> throw new RunnerFailure(FailureKind.USAGE, "Unknown engine '" + name + "' in the manifest");
		};
	}

	private static boolean equal(String actual, String expected) {
		return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
				expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static long millisSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
	}

}
