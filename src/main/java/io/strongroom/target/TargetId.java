package io.strongroom.target;

import java.util.Objects;
import java.util.UUID;

/** One configured database of one tenant. */
public record TargetId(UUID value) {

	public TargetId {
		Objects.requireNonNull(value, "value");
	}

	public static TargetId of(String value) {
		return new TargetId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
