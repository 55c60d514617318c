package io.strongroom.run;

import java.util.Objects;
import java.util.UUID;

/** One backup run. */
public record BackupRunId(UUID value) {

	public BackupRunId {
		Objects.requireNonNull(value, "value");
	}

	public static BackupRunId of(String value) {
		return new BackupRunId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
