package io.strongroom.runner;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.strongroom.storage.InMemoryBackupStore;
import io.strongroom.storage.StorageException;
import io.strongroom.storage.StoredObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeferredUploadTests {

	final InMemoryBackupStore store = new InMemoryBackupStore();

	final CompletableFuture<InMemoryBackupStore> destination = new CompletableFuture<>();

	DeferredUpload upload(int cap) {
		return new DeferredUpload(() -> this.destination.join().startUpload("k", Map.of(), -1),
				(content, metadata) -> this.destination.join().put("k", content, metadata), this.destination, cap);
	}

	@Test
	void bytesWaitUntilTheDestinationIsReady() throws IOException {
		DeferredUpload upload = upload(10);
		upload.stream().write(new byte[] { 1, 2, 3 });
		assertThat(upload.bytesWritten()).isEqualTo(3);
		assertThat(this.store.pendingUploads()).isZero();
		this.destination.complete(this.store);
		upload.stream().write(new byte[] { 4, 5 });
		upload.complete(Map.of());
		assertThat(this.store.get("k").readAllBytes()).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void aWriterBeyondTheCapWaitsForTheDestination() throws Exception {
		DeferredUpload upload = upload(4);
		upload.stream().write(new byte[] { 1, 2, 3 });
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			try {
				upload.stream().write(new byte[] { 4, 5 });
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(200);
		assertThat(writer).isNotDone();
		this.destination.complete(this.store);
		writer.get(5, TimeUnit.SECONDS);
		upload.complete(Map.of());
		assertThat(this.store.get("k").readAllBytes()).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void anObjectWithinTheCapIsStoredInOneCallWithItsFinalMetadata() throws IOException {
		DeferredUpload upload = upload(10);
		upload.stream().write(new byte[] { 1, 2, 3 });
		this.destination.complete(this.store);
		upload.stream().write(new byte[] { 4, 5 });
		StoredObject stored = upload.complete(Map.of("sha", "abc"));
		assertThat(stored.size()).isEqualTo(5);
		assertThat(stored.metadata()).containsEntry("sha", "abc");
		assertThat(this.store.get("k").readAllBytes()).containsExactly(1, 2, 3, 4, 5);
		assertThat(this.store.pendingUploads()).isZero();
	}

	@Test
	void anObjectBeyondTheCapIsUploadedAndCompletedWithItsFinalMetadata() throws IOException {
		DeferredUpload upload = upload(4);
		this.destination.complete(this.store);
		upload.stream().write(new byte[] { 1, 2, 3 });
		upload.stream().write(new byte[] { 4, 5 });
		assertThat(this.store.pendingUploads()).isOne();
		StoredObject stored = upload.complete(Map.of("sha", "abc"));
		assertThat(stored.metadata()).containsEntry("sha", "abc");
		assertThat(this.store.get("k").readAllBytes()).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void aFailedDestinationFailsTheNextWrite() throws IOException {
		DeferredUpload upload = upload(100);
		upload.stream().write(new byte[] { 1 });
		this.destination.completeExceptionally(new StorageException(StorageException.Reason.NO_SUCH_BUCKET, "gone"));
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> upload.stream().write(new byte[] { 2 }))
			.havingRootCause()
			.withMessage("gone");
		upload.abort();
	}

	@Test
	void abortBeforeTheDestinationLeavesNothing() throws IOException {
		DeferredUpload upload = upload(100);
		upload.stream().write(new byte[] { 1 });
		upload.abort();
		this.destination.complete(this.store);
		assertThatExceptionOfType(IOException.class).isThrownBy(upload::start);
		assertThat(this.store.pendingUploads()).isZero();
		assertThat(this.store.head("k")).isEmpty();
	}

}
