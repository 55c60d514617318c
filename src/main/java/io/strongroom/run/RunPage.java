package io.strongroom.run;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of runs, newest first; {@code nextCursor} fetches the next, absent at the end.
 */
public record RunPage(List<RunView> items, @Nullable String nextCursor) {

}
