package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.strongroom.runner.CompressionSettings.Algorithm;
import io.strongroom.storage.InMemoryBackupStore;
import io.strongroom.storage.StoredObject;
import io.strongroom.storage.Upload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackupPipelineTests {

	static final Secret KEY = new Secret("pipeline-test-key");

	final InMemoryBackupStore store = new InMemoryBackupStore();

	final Progress progress = new Progress();

	/** Compressible but not trivial: random words. */
	static byte[] dump(int size) {
		Random random = new Random(size);
		ByteArrayOutputStream out = new ByteArrayOutputStream(size);
		String[] words = { "alpha", "beta", "gamma", "delta", "\u00e9t\u00e9", "42", "{\"k\": 1}", "\n" };
		while (out.size() < size) {
			byte[] word = words[random.nextInt(words.length)].getBytes();
			out.write(word, 0, word.length);
			out.write(random.nextInt(256));
		}
		return java.util.Arrays.copyOf(out.toByteArray(), size);
	}

	BackupPipeline pipeline(CompressionSettings compression, byte[] macSalt) {
		return new BackupPipeline(compression, StreamKeys.derive(KEY, OpenSslFormat.newSalt(), macSalt), this.progress);
	}

	@ParameterizedTest
	@EnumSource(CompressionSettings.Algorithm.class)
	void streamsADumpIntoAnObjectThatDecryptsBackToIt(CompressionSettings.Algorithm algorithm) throws Exception {
		byte[] dump = dump(6 * 1024 * 1024 + 77);
		byte[] macSalt = OpenSslFormat.newSalt();
		CompressionSettings compression = new CompressionSettings(algorithm, algorithm.defaultLevel(), 2);
		BackupPipeline.Outcome outcome;
		try (Upload upload = this.store.startUpload("k", Map.of(), -1)) {
			outcome = pipeline(compression, macSalt).stream(new ByteArrayInputStream(dump), upload, () -> {
			}, new Cancellation());
			upload.complete(Map.of());
		}
		byte[] object = this.store.get("k").readAllBytes();
		assertThat(outcome.bytesIn()).isEqualTo(dump.length);
		assertThat(outcome.bytesOut()).isEqualTo(object.length);
		assertThat(outcome.bytesCompressed()).isLessThan(dump.length / 2).isGreaterThan(0);
		assertThat(object.length).isBetween((int) outcome.bytesCompressed() + 17, (int) outcome.bytesCompressed() + 32);
		assertThat(outcome.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(object)));
		Integrity.of(new ByteArrayInputStream(object), OpenSslFormat.mac(KEY, macSalt))
			.verify(outcome.hmac(), outcome.sha256());
		try (InputStream plain = CompressionSettings
			.decompressing(new DecryptingInputStream(new ByteArrayInputStream(object), KEY), algorithm)) {
			assertThat(plain.readAllBytes()).isEqualTo(dump);
		}
		assertThat(this.progress.bytesIn()).isEqualTo(dump.length);
		assertThat(this.progress.bytesOut()).isEqualTo(object.length);
	}

	@Test
	void readsTheDumpWhileTheKeysAreStillBeingDerived() throws Exception {
		// barely compressible: the chunks the pipe holds and those kept aside are the
		// limit
		byte[] dump = new byte[BackupPipeline.HELD_BYTES / 2];
		new Random(7).nextBytes(dump);
		byte[] macSalt = OpenSslFormat.newSalt();
		CompletableFuture<StreamKeys> keys = new CompletableFuture<>();
		CompletableFuture<BackupPipeline.Outcome> outcome = new CompletableFuture<>();
		Upload upload = this.store.startUpload("k", Map.of(), -1);
		Thread streaming = new Thread(() -> {
			try {
				outcome.complete(new BackupPipeline(CompressionSettings.defaults(), keys, this.progress)
					.stream(new ByteArrayInputStream(dump), upload, () -> {
					}, new Cancellation()));
			}
			catch (Exception ex) {
				outcome.completeExceptionally(ex);
			}
		});
		streaming.start();
		while (this.progress.bytesIn() < dump.length) {
			assertThat(outcome).isNotDone();
			Thread.sleep(10);
		}
		assertThat(upload.bytesWritten()).isZero();
		keys.complete(StreamKeys.derive(KEY, OpenSslFormat.newSalt(), macSalt).join());
		BackupPipeline.Outcome done = outcome.get(60, TimeUnit.SECONDS);
		upload.complete(Map.of());
		byte[] object = this.store.get("k").readAllBytes();
		assertThat(done.bytesOut()).isEqualTo(object.length);
		Integrity.of(new ByteArrayInputStream(object), OpenSslFormat.mac(KEY, macSalt))
			.verify(done.hmac(), done.sha256());
		try (InputStream plain = CompressionSettings
			.decompressing(new DecryptingInputStream(new ByteArrayInputStream(object), KEY), Algorithm.ZSTD)) {
			assertThat(plain.readAllBytes()).isEqualTo(dump);
		}
	}

	@Test
	void failingKeyDerivationKillsTheDumpAndLeavesNothing() {
		AtomicBoolean killed = new AtomicBoolean();
		Upload upload = this.store.startUpload("k", Map.of(), -1);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new BackupPipeline(CompressionSettings.defaults(),
					CompletableFuture.failedFuture(new IllegalStateException("no AES here")), this.progress)
				.stream(new EndlessDump(killed), upload, () -> killed.set(true), new Cancellation()))
			.withMessage("no AES here");
		assertThat(killed).isTrue();
		assertThat(this.store.pendingUploads()).isZero();
	}

	@Test
	void failingUploadKillsTheDumpAndLeavesNothing() {
		AtomicBoolean killed = new AtomicBoolean();
		Upload real = this.store.startUpload("k", Map.of(), -1);
		Upload failing = new FailingUpload(real, 1024 * 1024);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> pipeline(CompressionSettings.defaults(), OpenSslFormat.newSalt())
				.stream(new EndlessDump(killed), failing, () -> killed.set(true), new Cancellation()))
			.withMessageContaining("disk on fire");
		assertThat(killed).isTrue();
		assertThat(this.store.pendingUploads()).isZero();
		assertThat(this.store.head("k")).isEmpty();
	}

	@Test
	void cancellationStopsEveryStage() {
		AtomicBoolean killed = new AtomicBoolean();
		Cancellation cancellation = new Cancellation();
		Upload upload = this.store.startUpload("k", Map.of(), -1);
		new Thread(() -> {
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			cancellation.cancel("test");
		}).start();
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> pipeline(CompressionSettings.defaults(), OpenSslFormat.newSalt())
				.stream(new EndlessDump(killed), upload, () -> killed.set(true), cancellation))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.CANCELLED));
		assertThat(killed).isTrue();
		assertThat(this.store.pendingUploads()).isZero();
	}

	@Test
	void failingDumpReadFailsThePipeline() {
		InputStream broken = new InputStream() {

			int reads;

			@Override
			public int read() {
				return 0;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				if (++this.reads > 10) {
					throw new IOException("pipe broke");
				}
				return length;
			}

		};
		Upload upload = this.store.startUpload("k", Map.of(), -1);
		assertThatExceptionOfType(IOException.class).isThrownBy(
				() -> pipeline(CompressionSettings.defaults(), OpenSslFormat.newSalt()).stream(broken, upload, () -> {
				}, new Cancellation()))
			.withMessage("pipe broke");
		assertThat(this.store.pendingUploads()).isZero();
	}

	/** A dump that never ends until killed. */
	static final class EndlessDump extends InputStream {

		private final AtomicBoolean killed;

		private final byte[] block = dump(64 * 1024);

		EndlessDump(AtomicBoolean killed) {
			this.killed = killed;
		}

		@Override
		public int read() {
			return 0;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (this.killed.get()) {
				throw new IOException("Stream closed");
			}
			int n = Math.min(length, this.block.length);
			System.arraycopy(this.block, 0, bytes, offset, n);
			return n;
		}

	}

	/** An upload whose destination fails after some bytes. */
	record FailingUpload(Upload delegate, long failAfter) implements Upload {

		@Override
		public OutputStream stream() {
			return new OutputStream() {

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (FailingUpload.this.delegate.bytesWritten() + length > FailingUpload.this.failAfter) {
						throw new IOException("disk on fire");
					}
					FailingUpload.this.delegate.stream().write(bytes, offset, length);
				}

			};
		}

		@Override
		public long bytesWritten() {
			return this.delegate.bytesWritten();
		}

		@Override
		public StoredObject complete(Map<String, String> metadata) {
			return this.delegate.complete(metadata);
		}

		@Override
		public void abort() {
			this.delegate.abort();
		}

	}

}
