package io.strongroom.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One place backups are written to: an S3 bucket, a folder, or memory. Keys are
 * {@code /}-separated relative paths
 * ({@code backups/acme/DATABASE/2026/11/22/x.dump.zst.enc}); metadata keys are lowercase
 * ASCII ({@code strongroom-run}) and values printable ASCII, as S3 allows.
 * <p>
 * The contract every implementation keeps (checked by one shared test suite):
 * <ul>
 * <li>An object appears only complete: until {@link Upload#complete} returns, no reader
 * sees the key, and after {@link Upload#abort} (or a failed {@code complete}) nothing of
 * the upload remains, not even a pending multipart upload.</li>
 * <li>{@link #delete} of a missing object succeeds (it must be idempotent).</li>
 * <li>Every failure is a {@link StorageException} whose {@link StorageException.Reason}
 * says what a person must fix and whose message holds no secret.</li>
 * </ul>
 */
public interface BackupStore extends AutoCloseable {

	/**
	 * Checks that the destination exists and accepts the credentials, so a backup can
	 * fail before it starts a dump.
	 * @throws StorageException with the reason when it does not
	 */
	void checkAccess();

	/**
	 * Starts an upload of unknown length. Write the bytes to {@link Upload#stream()},
	 * then {@link Upload#complete} or {@link Upload#abort} it.
	 * @param key where the object will live
	 * @param metadata metadata known now; {@link Upload#complete} may replace it
	 * @param expectedBytes a generous estimate of the size, or {@code -1} when unknown;
	 * S3 chooses its part size from it so that the object stays under 10,000 parts
	 */
	Upload startUpload(String key, Map<String, String> metadata, long expectedBytes);

	/**
	 * Stores a small object in one call (manifests, small backups). Replaces an existing
	 * object.
	 */
	StoredObject put(String key, byte[] content, Map<String, String> metadata);

	/**
	 * Opens an object for reading.
	 * @throws StorageException with reason {@code NOT_FOUND} when there is no such object
	 */
	InputStream get(String key);

	/** Size and metadata of an object, or empty when there is no such object. */
	Optional<StoredObject> head(String key);

	/** Deletes an object. A missing object is not an error. */
	void delete(String key);

	/** The objects whose keys start with {@code prefix}, sorted by key. */
	List<StoredObject> list(String prefix);

	/**
	 * Aborts the unfinished uploads under {@code prefix} whose key contains
	 * {@code keyContains}: what a writer that died midway left behind (a killed runner
	 * cannot abort its own). S3: its pending multipart uploads, all pages of them. A
	 * folder: its hidden temporary files. Completed objects and other writers' uploads
	 * are never touched; calling it again finds nothing more.
	 * @return how many unfinished uploads it aborted
	 */
	int abortUnfinishedUploads(String prefix, String keyContains);

	/**
	 * A URL that lets whoever holds it read the object, for about {@code ttl}. S3 signs a
	 * GET; a folder gives a {@code file:} URI (it does not expire, and only works on the
	 * same machine); memory gives a {@code memory:} URI only the same store can open.
	 */
	URI presignedGet(String key, Duration ttl);

	/** Releases connections and threads. */
	@Override
	void close();

}
