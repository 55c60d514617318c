package io.strongroom.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A destination in memory, with injectable delete failures and a log of calls. */
class InMemoryRetentionStore implements RetentionStore {

	final Map<String, Map<String, String>> objects = new TreeMap<>();

	final Set<String> failingDeletes = new HashSet<>();

	final List<String> calls;

	InMemoryRetentionStore(List<String> calls) {
		this.calls = calls;
	}

	InMemoryRetentionStore() {
		this(new ArrayList<>());
	}

	void put(String key, Map<String, String> metadata) {
		this.objects.put(key, metadata);
	}

	@Override
	public Optional<Map<String, String>> metadata(String key) {
		return Optional.ofNullable(this.objects.get(key));
	}

	@Override
	public void delete(String key) throws IOException {
		this.calls.add("delete " + key);
		if (this.failingDeletes.contains(key)) {
			throw new IOException("503 Slow Down");
		}
		this.objects.remove(key);
	}

}
