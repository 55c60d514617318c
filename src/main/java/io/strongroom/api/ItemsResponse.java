package io.strongroom.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** A list; {@code nextCursor} (when present) fetches the next page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemsResponse<T>(List<T> items, @Nullable String nextCursor) {

}
