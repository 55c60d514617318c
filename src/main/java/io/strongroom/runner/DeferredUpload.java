package io.strongroom.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.strongroom.storage.StoredObject;
import io.strongroom.storage.Upload;
import org.jspecify.annotations.Nullable;

/**
 * An upload that starts when its destination is ready. Until then, up to {@code cap}
 * bytes wait in memory, so the dump, compression and encryption run while the S3 client
 * is still starting (seconds of class loading on a cold JVM); a small backup may be
 * finished before it is. More bytes wait for the destination, and a destination that
 * failed fails the next write. An object that never outgrew the cap is stored whole, in
 * one request that carries its final metadata: no multipart upload, and no copy to
 * replace the metadata afterwards.
 */
final class DeferredUpload implements Upload {

	/** Stores an object that fit in memory, with its final metadata, in one call. */
	@FunctionalInterface
	interface Whole {

		StoredObject put(byte[] content, Map<String, String> metadata) throws Exception;

	}

	private final Callable<Upload> opener;

	private final Whole whole;

	private final CompletableFuture<?> destination;

	private final int cap;

	private @Nullable Waiting buffer = new Waiting();

	private volatile @Nullable Upload upload;

	private volatile boolean aborted;

	private final OutputStream stream = new OutputStream() {

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			Upload started = DeferredUpload.this.upload;
			if (started == null) {
				synchronized (DeferredUpload.this) {
					Waiting waiting = DeferredUpload.this.buffer;
					if (DeferredUpload.this.upload == null && waiting != null
							&& !DeferredUpload.this.destination.isCompletedExceptionally()
							&& waiting.size() + length <= DeferredUpload.this.cap) {
						waiting.write(bytes, offset, length);
						return;
					}
				}
				started = start();
			}
			started.stream().write(bytes, offset, length);
		}

	};

	/**
	 * @param opener starts the real upload (it waits for the destination and throws its
	 * failure)
	 * @param whole stores an object that stayed within the cap (it waits for the
	 * destination too)
	 * @param destination completes when the destination is ready or failed
	 * @param cap how many bytes may wait for it
	 */
	DeferredUpload(Callable<Upload> opener, Whole whole, CompletableFuture<?> destination, int cap) {
		this.opener = opener;
		this.whole = whole;
		this.destination = destination;
		this.cap = cap;
	}

	/** Starts the real upload (waiting for the destination) and hands it what waited. */
	synchronized Upload start() throws IOException {
		Upload started = this.upload;
		if (started != null) {
			return started;
		}
		if (this.aborted) {
			throw new IOException("The upload was aborted");
		}
		try {
			started = this.opener.call();
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		Waiting waiting = this.buffer;
		this.buffer = null;
		if (waiting != null) {
			waiting.writeTo(started.stream());
		}
		this.upload = started;
		return started;
	}

	@Override
	public OutputStream stream() {
		return this.stream;
	}

	@Override
	public synchronized long bytesWritten() {
		Upload started = this.upload;
		return (started != null) ? started.bytesWritten() : ((this.buffer != null) ? this.buffer.size() : 0);
	}

	@Override
	public StoredObject complete(Map<String, String> metadata) {
		byte[] content = null;
		synchronized (this) {
			if (this.upload == null && this.buffer != null && !this.aborted) {
				content = this.buffer.toByteArray();
				this.buffer = null;
			}
		}
		if (content != null) {
			try {
				return this.whole.put(content, metadata);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		}
		try {
			return start().complete(metadata);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	@Override
	public void abort() {
		this.aborted = true;
		Upload started;
		synchronized (this) {
			started = this.upload;
			this.buffer = null;
		}
		if (started != null) {
			started.abort();
		}
	}

	/**
	 * Bytes waiting in memory, in segments: no copies while it grows, and handed on in
	 * slices no larger than a segment (the SDK's stream expects writes of the pipeline's
	 * size, not one write of the whole buffer).
	 */
	private static final class Waiting {

		private static final int SEGMENT = 1024 * 1024;

		private final List<byte[]> segments = new ArrayList<>();

		private int size;

		int size() {
			return this.size;
		}

		void write(byte[] bytes, int offset, int length) {
			int done = 0;
			while (done < length) {
				int used = this.size % SEGMENT;
				if (used == 0) {
					this.segments.add(new byte[SEGMENT]);
				}
				int n = Math.min(length - done, SEGMENT - used);
				System.arraycopy(bytes, offset + done, this.segments.get(this.segments.size() - 1), used, n);
				done += n;
				this.size += n;
			}
		}

		/**
		 * Hands the bytes on and lets go of each segment once written: the upload's own
		 * buffer fills as this one empties, so the heap never holds both in full.
		 */
		void writeTo(OutputStream out) throws IOException {
			int left = this.size;
			for (int i = 0; i < this.segments.size(); i++) {
				byte[] segment = this.segments.set(i, null);
				int n = Math.min(left, SEGMENT);
				out.write(segment, 0, n);
				left -= n;
			}
		}

		byte[] toByteArray() {
			byte[] all = new byte[this.size];
			int position = 0;
			for (byte[] segment : this.segments) {
				int n = Math.min(this.size - position, SEGMENT);
				System.arraycopy(segment, 0, all, position, n);
				position += n;
			}
			return all;
		}

	}

}
