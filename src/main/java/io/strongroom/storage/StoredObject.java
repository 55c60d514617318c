package io.strongroom.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What a store knows about one object. */
public record StoredObject(String key, long size, Instant lastModified, Map<String, String> metadata) {

	public StoredObject {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(lastModified, "lastModified");
		metadata = Map.copyOf(metadata);
	}

}
