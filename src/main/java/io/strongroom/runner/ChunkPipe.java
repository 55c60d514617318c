package io.strongroom.runner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A bounded hand-over of byte chunks between two threads: a fixed pool of buffers
 * circulates, so memory stays at {@code chunks × chunkSize} however large the dump (plus
 * the chunks a reader keeps aside with {@link #replace}), and the faster side waits for
 * the slower. Either side can {@link #fail} it, which wakes the other.
 */
final class ChunkPipe {

	/** A filled buffer; {@code length < 0} marks the end. */
	record Chunk(byte[] bytes, int length) {

		boolean isEnd() {
			return this.length < 0;
		}

	}

	private static final Chunk END = new Chunk(new byte[0], -1);

	private final BlockingQueue<byte[]> free;

	private final BlockingQueue<Chunk> full;

	private final int chunkSize;

	private volatile @Nullable Throwable failure;

	/** Buffers in circulation beyond {@code chunks}, let go as they come back. */
	private final AtomicInteger surplus = new AtomicInteger();

	ChunkPipe(int chunks, int chunkSize) {
		this.free = new ArrayBlockingQueue<>(chunks);
		this.full = new ArrayBlockingQueue<>(chunks + 1);
		this.chunkSize = chunkSize;
		for (int i = 0; i < chunks; i++) {
			this.free.add(new byte[chunkSize]);
		}
	}

	/** The writing side; {@link OutputStream#close()} marks the end. */
	OutputStream sink() {
		return new OutputStream() {

			private byte @Nullable [] current;

			private int filled;

			private boolean closed;

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				while (length > 0) {
					if (this.current == null) {
						this.current = await(ChunkPipe.this.free);
						this.filled = 0;
					}
					int n = Math.min(length, ChunkPipe.this.chunkSize - this.filled);
					System.arraycopy(bytes, offset, this.current, this.filled, n);
					this.filled += n;
					offset += n;
					length -= n;
					if (this.filled == ChunkPipe.this.chunkSize) {
						hand(new Chunk(this.current, this.filled));
						this.current = null;
					}
				}
			}

			@Override
			public void close() throws IOException {
				if (this.closed) {
					return;
				}
				this.closed = true;
				if (this.current != null && this.filled > 0) {
					hand(new Chunk(this.current, this.filled));
					this.current = null;
				}
				hand(END);
			}

		};
	}

	/** The next chunk; give its buffer back with {@link #release}. */
	Chunk take() throws IOException {
		return await(this.full);
	}

	/**
	 * Gives the buffer back (or lets it go while there are buffers from
	 * {@link #replace}).
	 */
	void release(Chunk chunk) {
		if (chunk.isEnd()) {
			return;
		}
		if (this.surplus.get() > 0 && this.surplus.decrementAndGet() >= 0) {
			return;
		}
		this.free.offer(chunk.bytes());
	}

	/** The next chunk if one comes within {@code millis}, else null. */
	@Nullable Chunk poll(long millis) throws IOException {
		try {
			Chunk chunk = this.full.poll(millis, TimeUnit.MILLISECONDS);
			checkFailure();
			return chunk;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted");
		}
	}

	/**
	 * For a chunk the reader keeps for a while: a fresh buffer takes its place in the
	 * pool, so the writer can go on. The kept buffer is let go on release.
	 */
	void replace(Chunk kept) {
		if (!kept.isEnd() && this.free.offer(new byte[this.chunkSize])) {
			this.surplus.incrementAndGet();
		}
	}

	/** Stops both sides: every waiting or later call throws. */
	void fail(Throwable cause) {
		if (this.failure == null) {
			this.failure = cause;
		}
	}

	private void hand(Chunk chunk) throws IOException {
		try {
			while (!this.full.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
				checkFailure();
			}
			checkFailure();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted");
		}
	}

	private <T> T await(BlockingQueue<T> queue) throws IOException {
		try {
			T item;
			while ((item = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
				checkFailure();
			}
			checkFailure();
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted");
		}
	}

	void checkFailure() throws IOException {
		Throwable cause = this.failure;
		if (cause != null) {
			throw new IOException("The pipeline stopped", cause);
		}
	}

}
