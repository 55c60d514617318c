package io.strongroom.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link BackupStore}, run against every implementation (restic's
 * {@code backend/test} suite).
 */
abstract class BackupStoreContractTests {

	/** Larger than two S3 parts (8 MiB), so S3 takes the multipart path. */
	static final int LARGE = 20 * 1024 * 1024 + 12345;

	final String prefix = "contract/" + UUID.randomUUID() + "/";

	abstract BackupStore store();

	/** Reads a link from {@link BackupStore#presignedGet} the way its holder would. */
	abstract byte[] fetch(URI link) throws IOException;

	/** Proves that nothing of an upload remains beside the object itself. */
	void assertNothingPending(String key) {
	}

	/**
	 * Waits until the store holds the started upload of {@code key} (S3 creates the
	 * multipart upload in the background).
	 */
	void awaitPending(String key) {
	}

	static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	static void writeInSlices(OutputStream out, byte[] bytes) throws IOException {
		for (int offset = 0; offset < bytes.length; offset += 100_000) {
			out.write(bytes, offset, Math.min(100_000, bytes.length - offset));
		}
	}

	static byte[] read(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	@Test
	void largeUploadReadsBackByteForByte() throws IOException {
		byte[] bytes = random(LARGE, 1);
		String key = this.prefix + "large.bin";
		StoredObject stored;
		try (Upload upload = store().startUpload(key, Map.of("strongroom-run", "r1"), LARGE)) {
			writeInSlices(upload.stream(), bytes);
			assertThat(upload.bytesWritten()).isEqualTo(LARGE);
			stored = upload.complete(Map.of("strongroom-run", "r1"));
		}
		assertThat(stored.size()).isEqualTo(LARGE);
		assertThat(read(store().get(key))).isEqualTo(bytes);
		assertThat(store().head(key)).hasValueSatisfying((object) -> {
			assertThat(object.size()).isEqualTo(LARGE);
			assertThat(object.metadata()).containsEntry("strongroom-run", "r1");
		});
		assertNothingPending(key);
	}

	@Test
	void smallAndEmptyUploadsWork() throws IOException {
		try (Upload upload = store().startUpload(this.prefix + "empty", Map.of(), -1)) {
			upload.complete(Map.of());
		}
		try (Upload upload = store().startUpload(this.prefix + "small", Map.of(), -1)) {
			upload.stream().write(new byte[] { 1, 2, 3 });
			upload.stream().write(4);
			upload.complete(Map.of());
		}
		assertThat(read(store().get(this.prefix + "empty"))).isEmpty();
		assertThat(read(store().get(this.prefix + "small"))).containsExactly(1, 2, 3, 4);
	}

	@Test
	void unfinishedUploadIsInvisible() throws IOException {
		String key = this.prefix + "unfinished.bin";
		try (Upload upload = store().startUpload(key, Map.of(), -1)) {
			upload.stream().write(random(1000, 2));
			upload.stream().flush();
			assertThat(store().head(key)).isEmpty();
			assertThat(store().list(this.prefix)).isEmpty();
			upload.complete(Map.of());
		}
		assertThat(store().list(this.prefix)).extracting(StoredObject::key).containsExactly(key);
	}

	@Test
	void completeReplacesTheMetadataGivenAtTheStart() throws IOException {
		String key = this.prefix + "metadata.bin";
		try (Upload upload = store().startUpload(key, Map.of("strongroom-run", "r2"), LARGE)) {
			writeInSlices(upload.stream(), random(LARGE, 3));
			upload.complete(Map.of("strongroom-run", "r2", "strongroom-sha256", "ab".repeat(32)));
		}
		assertThat(store().head(key).orElseThrow().metadata()).containsEntry("strongroom-run", "r2")
			.containsEntry("strongroom-sha256", "ab".repeat(32));
		assertThat(read(store().get(key))).isEqualTo(random(LARGE, 3));
		assertNothingPending(key);
	}

	@Test
	void abortedUploadLeavesNothing() throws IOException {
		String key = this.prefix + "aborted.bin";
		Upload upload = store().startUpload(key, Map.of(), LARGE);
		writeInSlices(upload.stream(), random(LARGE, 4));
		upload.abort();
		upload.abort();
		assertThat(store().head(key)).isEmpty();
		assertThat(store().list(this.prefix)).isEmpty();
		assertNothingPending(key);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> upload.stream().write(1));
	}

	@Test
	void closingWithoutCompletingAborts() throws IOException {
		String key = this.prefix + "closed.bin";
		try (Upload upload = store().startUpload(key, Map.of(), -1)) {
			writeInSlices(upload.stream(), random(LARGE, 5));
		}
		assertThat(store().head(key)).isEmpty();
		assertNothingPending(key);
	}

	@Test
	void abortAfterCompleteKeepsTheObject() throws IOException {
		String key = this.prefix + "kept.bin";
		Upload upload = store().startUpload(key, Map.of(), -1);
		upload.stream().write(random(10, 6));
		upload.complete(Map.of());
		upload.abort();
		assertThat(store().head(key)).isPresent();
	}

	@Test
	void abortsOnlyTheUnfinishedUploadsOfTheDeadWriter() throws IOException {
		String folder = this.prefix + "acme/DATABASE/2026/11/22/";
		String dead = folder + "20261122T030000Z-run-dead.dump.zst.enc";
		String alive = folder + "20261122T040000Z-run-alive.dump.zst.enc";
		String elsewhere = "elsewhere/" + UUID.randomUUID() + "/20261122T030000Z-run-dead.dump.zst.enc";
		String finished = folder + "20261122T020000Z-run-dead.dump.zst.enc.manifest.json";
		store().put(finished, new byte[] { 1, 2 }, Map.of());
		Upload deadUpload = store().startUpload(dead, Map.of(), LARGE);
		Upload aliveUpload = store().startUpload(alive, Map.of(), LARGE);
		Upload elsewhereUpload = store().startUpload(elsewhere, Map.of(), LARGE);
		writeInSlices(deadUpload.stream(), random(LARGE, 20));
		writeInSlices(aliveUpload.stream(), random(LARGE, 21));
		writeInSlices(elsewhereUpload.stream(), random(LARGE, 22));
		awaitPending(dead);
		awaitPending(alive);
		awaitPending(elsewhere);

		assertThat(store().abortUnfinishedUploads(this.prefix, "run-dead")).isEqualTo(1);
		assertThat(store().abortUnfinishedUploads(this.prefix, "run-dead")).as("nothing more to abort").isZero();

		assertThat(store().head(finished)).as("a completed object is never touched").isPresent();
		assertThat(store().head(dead)).isEmpty();
		assertThat(aliveUpload.complete(Map.of()).size()).as("another writer's upload goes on").isEqualTo(LARGE);
		assertThat(read(store().get(alive))).isEqualTo(random(LARGE, 21));
		assertThat(store().abortUnfinishedUploads("elsewhere/", "run-dead")).as("outside the prefix, untouched")
			.isEqualTo(1);
		elsewhereUpload.abort();
		assertNothingPending(dead);
		deadUpload.abort();
		assertThat(store().list(folder)).extracting(StoredObject::key).containsExactly(finished, alive);
	}

	@Test
	void abortingUnfinishedUploadsWhereThereAreNoneFindsNothing() {
		assertThat(store().abortUnfinishedUploads(this.prefix, "run-none")).isZero();
	}

	@Test
	void missingObjectIsNotFoundOnGetAndEmptyOnHead() {
		assertThat(store().head(this.prefix + "missing")).isEmpty();
		assertThatExceptionOfType(StorageException.class).isThrownBy(() -> store().get(this.prefix + "missing"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.NOT_FOUND));
	}

	@Test
	void deleteOfMissingObjectSucceeds() {
		store().delete(this.prefix + "missing");
	}

	@Test
	void deleteRemovesTheObject() {
		String key = this.prefix + "deleted.txt";
		store().put(key, new byte[] { 1 }, Map.of());
		store().delete(key);
		assertThat(store().head(key)).isEmpty();
	}

	@Test
	void putStoresAndReplacesSmallObjects() throws IOException {
		String key = this.prefix + "x.manifest.json";
		store().put(key, "{\"a\":1}".getBytes(), Map.of("strongroom-run", "r3"));
		StoredObject stored = store().put(key, "{\"a\":2}".getBytes(), Map.of("strongroom-run", "r4"));
		assertThat(stored.size()).isEqualTo(7);
		assertThat(new String(read(store().get(key)))).isEqualTo("{\"a\":2}");
		assertThat(store().head(key).orElseThrow().metadata()).containsEntry("strongroom-run", "r4");
	}

	@Test
	void listFindsObjectsByPrefixInKeyOrder() {
		store().put(this.prefix + "b/2026/02.bin", new byte[2], Map.of());
		store().put(this.prefix + "a/2026/01.bin", new byte[1], Map.of());
		store().put(this.prefix + "b/2026/01.bin", new byte[3], Map.of());
		List<StoredObject> listed = store().list(this.prefix + "b/");
		assertThat(listed).extracting(StoredObject::key)
			.containsExactly(this.prefix + "b/2026/01.bin", this.prefix + "b/2026/02.bin");
		assertThat(listed).extracting(StoredObject::size).containsExactly(3L, 2L);
		assertThat(store().list(this.prefix)).hasSize(3);
		assertThat(store().list(this.prefix + "c/")).isEmpty();
	}

	@Test
	void presignedLinkReadsTheObject() throws IOException {
		String key = this.prefix + "linked.bin";
		byte[] bytes = random(5000, 7);
		store().put(key, bytes, Map.of());
		URI link = store().presignedGet(key, Duration.ofMinutes(5));
		assertThat(fetch(link)).isEqualTo(bytes);
	}

	@Test
	void invalidKeysAndMetadataAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> store().put("../escape", new byte[0], Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> store().put("/absolute", new byte[0], Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> store().put("a//b", new byte[0], Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> store().put("a/.hidden", new byte[0], Map.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store().put(this.prefix + "m", new byte[0], Map.of("Upper", "x")));
		assertThatThrownBy(() -> store().startUpload(this.prefix + "m", Map.of("k", "\u00e9"), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void accessCheckPassesForAnExistingDestination() {
		store().checkAccess();
	}

}
