package io.strongroom.target;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What "test destination" found: each step it took ({@code access}, {@code put},
 * {@code get}, {@code delete}) and, when one failed, why in words a person can act on.
 *
 * @param reason {@code ACCESS_DENIED}, {@code NO_SUCH_BUCKET}, {@code WRONG_REGION} or
 * {@code OTHER} when a step failed
 */
public record DestinationReport(boolean ok, List<String> passed, @Nullable String failedStep, @Nullable String reason,
		@Nullable String message) {

}
