package io.strongroom.run;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a backup runner's output. */
@Entity
@Table(name = "run_log")
class RunLogLine {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID runId;

	@Embedded
	private RunnerLogLine line;

	protected RunLogLine() {
	}

	RunLogLine(BackupRunId run, RunnerLogLine line) {
		this.id = UUID.randomUUID();
		this.runId = run.value();
		this.line = line;
	}

	LogLine view() {
		return this.line.view();
	}

}
