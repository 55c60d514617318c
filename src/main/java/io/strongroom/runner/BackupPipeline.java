package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.strongroom.storage.Upload;
import org.jspecify.annotations.Nullable;

/**
 * The stream of one backup, never on disk and never whole in memory: <pre>
 * dump stdout ─▶ [compress thread: read, zstd (own workers) / gzip] ─▶ bounded chunks
 *             ─▶ [encrypt thread: AES-256-CBC, SHA-256 + HMAC] ─▶ upload stream (SDK's bounded parts)
 * </pre> Every stage runs while the dump runs. The keys may still be in derivation when
 * the dump starts: the compressor starts at once, and until the keys are ready up to
 * {@link #HELD_BYTES} of compressed chunks wait beside the pipe instead of stopping the
 * dump. The first failure anywhere stops all of them: the dump is killed, the chunks stop
 * flowing and the upload is aborted; the caller completes the upload only after the dump
 * tool said it succeeded.
 */
final class BackupPipeline {

	static final int CHUNK_SIZE = 256 * 1024;

	static final int CHUNKS = 8;

	/** Compressed bytes that may wait for the keys, besides the pipe's own chunks. */
	static final int HELD_BYTES = 8 * 1024 * 1024;

	private static final int READ_SIZE = 64 * 1024;

	/** What went through the pipe. */
	record Outcome(long bytesIn, long bytesCompressed, long bytesOut, String sha256, String hmac) {
	}

	private final CompressionSettings compression;

	private final CompletableFuture<StreamKeys> keys;

	private final Progress progress;

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	/**
	 * @param keys the cipher and the MAC, possibly still being derived
	 * ({@link StreamKeys#derive})
	 */
	BackupPipeline(CompressionSettings compression, CompletableFuture<StreamKeys> keys, Progress progress) {
		this.compression = compression;
		this.keys = keys;
		this.progress = progress;
	}

	/**
	 * Streams {@code source} to its end into {@code upload} (which it does not complete).
	 * @param kill stops the source's producer (the dump tool) on failure
	 * @throws Exception the first failure of any stage, or a {@link RunnerFailure} of
	 * kind {@link FailureKind#CANCELLED}
	 */
	Outcome stream(InputStream source, Upload upload, Runnable kill, Cancellation cancellation) throws Exception {
		ChunkPipe pipe = new ChunkPipe(CHUNKS, CHUNK_SIZE);
		AtomicLong compressed = new AtomicLong();
		AtomicReference<@Nullable Integrity> integrity = new AtomicReference<>();
		Thread compressor = new Thread(() -> compress(source, pipe, compressed), "strongroom-compress");
		Thread encryptor = new Thread(() -> encrypt(pipe, upload, integrity), "strongroom-encrypt");
		compressor.start();
		encryptor.start();
		try {
			while (encryptor.isAlive() && this.failure.get() == null) {
				String cancelled = cancellation.reason();
				if (cancelled != null) {
					fail(new RunnerFailure(FailureKind.CANCELLED, "Cancelled: " + cancelled));
					break;
				}
				encryptor.join(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(new RunnerFailure(FailureKind.CANCELLED, "Cancelled: the runner was interrupted"));
		}
		if (this.failure.get() == null) {
			// the encryptor saw the end; the compressor must have finished cleanly too
			joinQuietly(compressor, Duration.ofSeconds(30));
			if (compressor.isAlive()) {
				fail(new IllegalStateException("The compressor did not finish"));
			}
		}
		Throwable first = this.failure.get();
		if (first != null) {
			pipe.fail(first);
			kill.run();
			try {
				// unblocks a write waiting for the destination; the caller retries the
				// clean-up if this one fails
				upload.abort();
			}
			catch (RuntimeException ex) {
				first.addSuppressed(ex);
			}
			joinQuietly(compressor, Duration.ofSeconds(30));
			joinQuietly(encryptor, Duration.ofSeconds(30));
			if (first instanceof Exception exception) {
				throw exception;
			}
			throw new IllegalStateException(first);
		}
		Integrity hashed = Objects.requireNonNull(integrity.get(), "the encryptor ended without keys").finish();
		return new Outcome(this.progress.bytesIn(), compressed.get(), hashed.bytes(), hashed.sha256(), hashed.hmac());
	}

	private void compress(InputStream source, ChunkPipe pipe, AtomicLong compressed) {
		Cutoff sink = new Cutoff(new CountingStream(pipe.sink(), compressed));
		OutputStream out = null;
		try {
			out = this.compression.compressing(sink);
			byte[] buffer = new byte[READ_SIZE];
			for (int n; (n = source.read(buffer)) >= 0;) {
				if (n > 0) {
					this.progress.addIn(n);
					out.write(buffer, 0, n);
				}
			}
			// only a dump read to its end closes the pipe normally
			out.close();
		}
		catch (Throwable ex) {
			fail(ex);
			// never end the pipe after a failure: the encryptor must not see a clean end
			sink.cut();
			if (out != null) {
				try {
					out.close();
				}
				catch (IOException | RuntimeException closing) {
					ex.addSuppressed(closing);
				}
			}
		}
	}

	private void encrypt(ChunkPipe pipe, Upload upload, AtomicReference<@Nullable Integrity> integrity) {
		try {
			Deque<ChunkPipe.Chunk> held = new ArrayDeque<>();
			StreamKeys streamKeys = awaitKeys(pipe, held);
			Integrity hashing = new Integrity(streamKeys.mac());
			integrity.set(hashing);
			OutputStream hashed = hashing.tee(new CountingStream(new KeepOpen(upload.stream()), null));
			try (EncryptingOutputStream out = new EncryptingOutputStream(hashed, streamKeys.cipher(),
					streamKeys.salt())) {
				ChunkPipe.Chunk chunk = held.isEmpty() ? pipe.take() : held.poll();
				while (!chunk.isEnd()) {
					out.write(chunk.bytes(), 0, chunk.length());
					pipe.release(chunk);
					chunk = held.isEmpty() ? pipe.take() : held.poll();
				}
			}
		}
		catch (Throwable ex) {
			fail(ex);
		}
	}

	/**
	 * Waits for the keys; meanwhile takes compressed chunks off the pipe (up to
	 * {@link #HELD_BYTES}) and gives the compressor fresh buffers, so the dump keeps
	 * flowing.
	 */
	private StreamKeys awaitKeys(ChunkPipe pipe, Deque<ChunkPipe.Chunk> held) throws Exception {
		long heldBytes = 0;
		boolean ended = false;
		while (!this.keys.isDone()) {
			if (ended || heldBytes >= HELD_BYTES) {
				pipe.checkFailure();
				try {
					this.keys.get(20, TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					// still deriving: look at the pipe's state again
				}
				continue;
			}
			ChunkPipe.Chunk chunk = pipe.poll(20);
			if (chunk != null) {
				held.add(chunk);
				ended = chunk.isEnd();
				if (!ended) {
					heldBytes += chunk.length();
					pipe.replace(chunk);
				}
			}
		}
		try {
			return this.keys.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private void fail(Throwable cause) {
		this.failure.compareAndSet(null, cause);
	}

	private static void joinQuietly(Thread thread, Duration timeout) {
		try {
			thread.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Counts bytes into a counter and the progress' output. */
	private final class CountingStream extends OutputStream {

		private final OutputStream sink;

		private final @Nullable AtomicLong counter;

		CountingStream(OutputStream sink, @Nullable AtomicLong counter) {
			this.sink = sink;
			this.counter = counter;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.sink.write(bytes, offset, length);
			if (this.counter != null) {
				this.counter.addAndGet(length);
			}
			else {
				BackupPipeline.this.progress.addOut(length);
			}
		}

		@Override
		public void flush() throws IOException {
			this.sink.flush();
		}

		@Override
		public void close() throws IOException {
			this.sink.close();
		}

	}

	/** Discards everything once cut, so a failed compressor cannot end the pipe. */
	private static final class Cutoff extends OutputStream {

		private final OutputStream sink;

		private volatile boolean cut;

		Cutoff(OutputStream sink) {
			this.sink = sink;
		}

		void cut() {
			this.cut = true;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (!this.cut) {
				this.sink.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			if (!this.cut) {
				this.sink.flush();
			}
		}

		@Override
		public void close() throws IOException {
			if (!this.cut) {
				this.sink.close();
			}
		}

	}

	/** The upload is completed by the caller, not by closing its stream. */
	private static final class KeepOpen extends OutputStream {

		private final OutputStream sink;

		KeepOpen(OutputStream sink) {
			this.sink = sink;
		}

		@Override
		public void write(int b) throws IOException {
			this.sink.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.sink.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.sink.flush();
		}

		@Override
		public void close() throws IOException {
			this.sink.flush();
		}

	}

}
