package io.strongroom.retention;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * One database's destination as retention sees it: an object's metadata, and delete.
 * Retention never lists the destination, so objects it has no record of are never
 * candidates.
 * <p>
 * Contract: {@link #metadata} returns the object's user metadata with lower-case keys
 * (S3's {@code x-amz-meta-*} without the prefix), or empty when the object does not
 * exist. {@link #delete} of a missing object succeeds (it is idempotent). Both may throw
 * when the destination fails; error messages must not contain credentials.
 */
public interface RetentionStore {

	/** The metadata key naming the run that wrote an object. */
	String RUN_METADATA = "strongroom-run";

	Optional<Map<String, String>> metadata(String key) throws IOException;

	void delete(String key) throws IOException;

}
