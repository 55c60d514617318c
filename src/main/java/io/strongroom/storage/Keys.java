package io.strongroom.storage;

import java.util.Map;
import java.util.regex.Pattern;

/** The key and metadata rules every store enforces alike, so they behave the same. */
final class Keys {

	private static final Pattern METADATA_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private static final Pattern METADATA_VALUE = Pattern.compile("[\\x20-\\x7e]{0,1024}");

	private Keys() {
	}

	static String checkKey(String key) {
		if (key.isEmpty() || key.length() > 1024 || key.startsWith("/") || key.endsWith("/") || key.contains("\\")) {
			throw new IllegalArgumentException("Invalid object key '" + key + "'");
		}
		for (String segment : key.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(".")) {
				throw new IllegalArgumentException(
						"Invalid object key '" + key + "': empty segments and names starting with '.' are not allowed");
			}
		}
		return key;
	}

	static Map<String, String> checkMetadata(Map<String, String> metadata) {
		metadata.forEach((name, value) -> {
			if (!METADATA_KEY.matcher(name).matches()) {
				throw new IllegalArgumentException("Invalid metadata key '" + name + "': use lowercase a-z, 0-9, '-'");
			}
			if (!METADATA_VALUE.matcher(value).matches()) {
				throw new IllegalArgumentException("Invalid value for metadata '" + name + "': printable ASCII only");
			}
		});
		return Map.copyOf(metadata);
	}

}
