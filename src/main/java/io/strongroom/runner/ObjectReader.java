package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The stored object's bytes as they come from the destination: hashed into an
 * {@link Integrity}, counted for progress, timed (how long the reader waited for the
 * destination), and stopped by a {@link Cancellation}. A failure of the destination
 * itself is remembered, so the caller can tell "the destination failed" (the runner could
 * not do its job) from "the bytes are wrong" (the backup is bad).
 */
final class ObjectReader extends InputStream {

	/** The read was stopped because the verification was cancelled. */
	static final class Cancelled extends IOException {

		Cancelled(String reason) {
			super("Cancelled: " + reason);
		}

	}

	private final InputStream source;

	private final Integrity integrity;

	private final Progress progress;

	private final Cancellation cancellation;

	private final AtomicLong waitNanos;

	private @Nullable Exception sourceFailure;

	private boolean ended;

	ObjectReader(InputStream source, Integrity integrity, Progress progress, Cancellation cancellation,
			AtomicLong waitNanos) {
		this.source = source;
		this.integrity = integrity;
		this.progress = progress;
		this.cancellation = cancellation;
		this.waitNanos = waitNanos;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		String cancelled = this.cancellation.reason();
		if (cancelled != null) {
			throw new Cancelled(cancelled);
		}
		if (this.ended) {
			return -1;
		}
		long start = System.nanoTime();
		int n;
		try {
			n = this.source.read(bytes, offset, length);
		}
		catch (IOException | RuntimeException ex) {
			this.sourceFailure = ex;
			throw (ex instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
		}
		finally {
			this.waitNanos.addAndGet(System.nanoTime() - start);
		}
		if (n < 0) {
			this.ended = true;
			return -1;
		}
		this.integrity.update(bytes, offset, n);
		this.progress.addIn(n);
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// every byte must be hashed: skipping reads
		byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
		long skipped = 0;
		while (skipped < n) {
			int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
			if (read < 0) {
				break;
			}
			skipped += read;
		}
		return skipped;
	}

	/**
	 * Reads (and hashes) what the consumer left, so the checksums cover the whole object
	 * even when decryption or the archive reader stopped early.
	 */
	Integrity drain() throws IOException {
		byte[] buffer = new byte[OpenSslFormat.SLICE];
		while (read(buffer, 0, buffer.length) >= 0) {
			// hashing happens in read
		}
		return this.integrity.finish();
	}

	/** The destination's own failure while reading, if there was one. */
	@Nullable Exception sourceFailure() {
		return this.sourceFailure;
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

}
