package io.strongroom.run;

import java.util.Objects;
import java.util.UUID;

/** One verification of a backup run. */
public record VerificationId(UUID value) {

	public VerificationId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
