package io.strongroom.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * failed fails the next write.
 */
final class DeferredUpload implements Upload {

	private final Callable<Upload> opener;

	private final CompletableFuture<?> destination;

	private final int cap;

	private @Nullable ByteArrayOutputStream buffer = new ByteArrayOutputStream();

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
					ByteArrayOutputStream waiting = DeferredUpload.this.buffer;
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
	 * @param destination completes when the destination is ready or failed
	 * @param cap how many bytes may wait for it
	 */
	DeferredUpload(Callable<Upload> opener, CompletableFuture<?> destination, int cap) {
		this.opener = opener;
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
		ByteArrayOutputStream waiting = this.buffer;
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

}
