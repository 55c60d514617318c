package io.strongroom.run;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What one runner process serves: a backup run or a verification of one. Launchers start
 * both the same way; only the runner's command ({@code backup} or {@code verify}) and the
 * URL it calls back differ.
 */
record RunnerJob(Kind kind, UUID id) {

	enum Kind {

		BACKUP, VERIFY;

		/** The runner's command for this kind of job. */
		String command() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	RunnerJob {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
	}

	static RunnerJob backup(BackupRunId run) {
		return new RunnerJob(Kind.BACKUP, run.value());
	}

	static RunnerJob verification(VerificationId verification) {
		return new RunnerJob(Kind.VERIFY, verification.value());
	}

	String command() {
		return this.kind.command();
	}

	boolean isBackup() {
		return this.kind == Kind.BACKUP;
	}

	@Override
	public String toString() {
		return (isBackup() ? "run " : "verification ") + this.id;
	}

}
