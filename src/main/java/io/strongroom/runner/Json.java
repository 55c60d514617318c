package io.strongroom.runner;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** The runner's one JSON mapper (Jackson 3, which Spring Boot 4 brings). */
final class Json {

	/** Compact: one JSON object per line (results, callbacks). */
	static final JsonMapper COMPACT = JsonMapper.builder().build();

	/** Indented, one field per line, so stock tools ({@code sed}) can read manifests. */
	static final ObjectWriter PRETTY = COMPACT.writerWithDefaultPrettyPrinter();

	private Json() {
	}

}
