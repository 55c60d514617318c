package io.strongroom.retention;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.strongroom.storage.BackupStore;
import io.strongroom.storage.StorageException;

/**
 * A database's destination as retention sees it, over the storage module's store (S3 or a
 * folder). Metadata keys are lower-cased (S3 answers them in whatever case they were
 * sent); a missing object has no metadata; deleting a missing object succeeds. Failures
 * are the store's {@link StorageException}s, whose messages hold no credential, as
 * {@link IOException}s.
 */
final class StorageRetentionStore implements RetentionStore {

	private final BackupStore store;

	StorageRetentionStore(BackupStore store) {
		this.store = store;
	}

	@Override
	public Optional<Map<String, String>> metadata(String key) throws IOException {
		try {
			return this.store.head(key).map((object) -> lowerCaseKeys(object.metadata()));
		}
		catch (StorageException ex) {
			throw new IOException("reading the metadata of " + key + " failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.store.delete(key);
		}
		catch (StorageException ex) {
			throw new IOException("deleting " + key + " failed: " + ex.getMessage(), ex);
		}
	}

	static Map<String, String> lowerCaseKeys(Map<String, String> metadata) {
		Map<String, String> lower = new LinkedHashMap<>();
		metadata.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
		return lower;
	}

}
