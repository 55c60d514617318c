package io.strongroom.run;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of a runner's output, secrets already masked, as either kind of job keeps it
 * ({@link RunLogLine}, {@link VerificationLogLine}). A line longer than its column is
 * cut.
 */
@Embeddable
class RunnerLogLine {

	private static final int MAX_LENGTH = 4000;

	@Column(nullable = false)
	private int lineNo;

	@Column(nullable = false)
	private Instant loggedAt;

	@Column(nullable = false)
	private String line;

	protected RunnerLogLine() {
	}

	RunnerLogLine(int lineNo, Instant at, String line) {
		this.lineNo = lineNo;
		this.loggedAt = at;
		this.line = (line.length() > MAX_LENGTH) ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
	}

	/** As its tenant reads it: numbered from 1. */
	LogLine view() {
		return new LogLine(this.lineNo + 1, this.loggedAt, this.line);
	}

}
