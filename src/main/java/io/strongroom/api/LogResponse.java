package io.strongroom.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.run.LogPage;

/**
 * A page of a runner's output, secrets masked: {@code nextCursor} (when present) fetches
 * the next; {@code note} says where the output is when Strongroom did not keep it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LogResponse(List<Line> items, @Nullable String nextCursor, @Nullable String note) {

	static LogResponse of(LogPage page) {
		return new LogResponse(
				page.items().stream().map((line) -> new Line(line.number(), line.time(), line.text())).toList(),
				page.nextCursor(), page.note());
	}

	/** One line: its number (from 1), when Strongroom read it, and its text. */
	record Line(int number, Instant time, String text) {

	}

}
