package io.strongroom.run;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a runner's output, secrets already masked. */
@Entity
@Table(name = "run_log")
class RunLogLine {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID runId;

	@Column(nullable = false)
	private int lineNo;

	@Column(nullable = false)
	private Instant loggedAt;

	@Column(nullable = false)
	private String line;

	protected RunLogLine() {
	}

	RunLogLine(BackupRunId run, int lineNo, Instant at, String line) {
		this.id = UUID.randomUUID();
		this.runId = run.value();
		this.lineNo = lineNo;
		this.loggedAt = at;
		this.line = (line.length() > 4000) ? line.substring(0, 3999) + "…" : line;
	}

	String line() {
		return this.line;
	}

}
