package io.strongroom.storage;

import java.io.OutputStream;
import java.util.Map;

/**
 * An upload in progress. Exactly one thread writes to {@link #stream()}; then it calls
 * {@link #complete} or {@link #abort}. {@link #close()} aborts an upload that was not
 * completed, so try-with-resources leaves nothing behind on any path.
 */
public interface Upload extends AutoCloseable {

	/**
	 * Where the bytes go. Writes block while the destination is behind (memory stays
	 * bounded). A write fails with an {@link java.io.IOException} whose cause is a
	 * {@link StorageException} when the destination failed.
	 */
	OutputStream stream();

	/** Bytes written to {@link #stream()} so far. */
	long bytesWritten();

	/**
	 * Finishes the object and makes it visible under its key, with {@code metadata}
	 * replacing the metadata given at the start. If this throws, nothing of the upload
	 * remains.
	 */
	StoredObject complete(Map<String, String> metadata);

	/**
	 * Stops the upload and removes everything it wrote, including a pending multipart
	 * upload. Idempotent; safe from another thread while a write blocks; does nothing
	 * after {@link #complete} returned. When the destination cannot be reached it throws
	 * a {@link StorageException}, and a later call tries the clean-up again.
	 */
	void abort();

	@Override
	default void close() {
		abort();
	}

}
