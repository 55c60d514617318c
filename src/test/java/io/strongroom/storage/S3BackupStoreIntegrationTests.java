package io.strongroom.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.strongroom.support.S3MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The contract against a real S3 server over HTTP: Adobe S3Mock in its own process. */
class S3BackupStoreIntegrationTests extends BackupStoreContractTests {

	private static final S3MockServer server = S3MockServer.shared();

	private final String bucket = server.createBucket();

	private final S3BackupStore store = store(this.bucket);

	static S3BackupStore store(String bucket) {
		return new S3BackupStore(new S3Destination(bucket, S3MockServer.REGION, server.endpoint(), true,
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Override
	BackupStore store() {
		return this.store;
	}

	@Override
	byte[] fetch(URI link) throws IOException {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	void assertNothingPending(String key) {
		assertThat(this.store.pendingUploads(key)).isEmpty();
	}

	@Test
	void multipartUploadIsPendingWhileWritingAndGoneAfterAbort() throws IOException {
		String key = this.prefix + "pending.bin";
		Upload upload = this.store.startUpload(key, Map.of(), LARGE);
		writeInSlices(upload.stream(), random(LARGE, 8));
		awaitPending(key);
		upload.abort();
		assertThat(this.store.pendingUploads(key)).isEmpty();
		assertThat(this.store.head(key)).isEmpty();
	}

	@Test
	void missingBucketIsReportedAndLeavesNothing() {
		S3BackupStore missing = store("missing-" + UUID.randomUUID().toString().substring(0, 8));
		try (missing) {
			assertThatExceptionOfType(StorageException.class).isThrownBy(missing::checkAccess)
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.NO_SUCH_BUCKET))
				.withMessageContaining("does not exist");
			Upload upload = missing.startUpload("k.bin", Map.of(), LARGE);
			assertThatExceptionOfType(StorageException.class).isThrownBy(() -> {
				try {
					writeInSlices(upload.stream(), random(LARGE, 9));
				}
				catch (IOException ex) {
					throw (StorageException) ex.getCause();
				}
				upload.complete(Map.of());
			}).satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.NO_SUCH_BUCKET));
			upload.abort();
		}
	}

	@Test
	void serverStoppedMidwayFailsTheUpload() throws IOException {
		try (S3MockServer own = S3MockServer.startPrivate()) {
			String ownBucket = own.createBucket();
			try (S3BackupStore ownStore = new S3BackupStore(new S3Destination(ownBucket, S3MockServer.REGION,
					own.endpoint(), true, S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY))) {
				Upload upload = ownStore.startUpload("midway.bin", Map.of(), LARGE);
				OutputStream out = upload.stream();
				writeInSlices(out, random(LARGE, 10));
				own.close();
				assertThatExceptionOfType(Exception.class).isThrownBy(() -> {
					writeInSlices(out, random(LARGE, 11));
					upload.complete(Map.of());
				});
				assertThatExceptionOfType(StorageException.class).isThrownBy(upload::abort)
					.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.OTHER));
			}
		}
	}

	@Test
	void getStreamsTheObject() throws IOException {
		String key = this.prefix + "streamed.bin";
		this.store.put(key, random(3000, 12), Map.of());
		try (InputStream in = this.store.get(key)) {
			assertThat(in.readAllBytes()).isEqualTo(random(3000, 12));
		}
	}

	@Test
	void abortsUnfinishedUploadsPageByPage() throws IOException {
		this.store.uploadsPerPage(1);
		String folder = this.prefix + "acme/DATABASE/";
		java.util.List<Upload> dead = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String key = folder + "2026112" + i + "T030000Z-run-dead.dump.zst.enc";
			Upload upload = this.store.startUpload(key, Map.of(), LARGE);
			writeInSlices(upload.stream(), random(LARGE, 30 + i));
			awaitPending(key);
			dead.add(upload);
		}
		assertThat(this.store.abortUnfinishedUploads(folder, "run-dead")).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			assertThat(this.store.pendingUploads(folder + "2026112" + i + "T030000Z-run-dead.dump.zst.enc")).isEmpty();
			dead.get(i).abort();
		}
	}

	@Override
	void awaitPending(String key) {
		for (int i = 0; i < 100 && this.store.pendingUploads(key).isEmpty(); i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		assertThat(this.store.pendingUploads(key)).hasSize(1);
	}

}
