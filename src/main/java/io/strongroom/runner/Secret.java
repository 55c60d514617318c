package io.strongroom.runner;

import java.util.Objects;

/** A value that must never be printed (restic's {@code SecretString}). */
public record Secret(String value) {

	public Secret {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return "**redacted**";
	}

}
