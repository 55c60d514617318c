package io.strongroom.run;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lines of a runner's output, oldest first, a page at a time.
 *
 * @param items the lines of this page
 * @param nextCursor fetches the next page; absent at the end of what is kept so far
 * @param note where the output is instead when Strongroom did not keep it (a runner on a
 * Heroku dyno); absent otherwise
 */
public record LogPage(List<LogLine> items, @Nullable String nextCursor, @Nullable String note) {

}
