package io.strongroom.run;

import org.jspecify.annotations.Nullable;

import io.strongroom.target.DatabaseLabel;

/** Which runs to list; {@code null} matches all. */
public record RunFilter(@Nullable DatabaseLabel database, @Nullable RunState status) {

}
