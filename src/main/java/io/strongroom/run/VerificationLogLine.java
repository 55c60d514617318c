package io.strongroom.run;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a verification runner's output. */
@Entity
@Table(name = "run_verification_log")
class VerificationLogLine {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID verificationId;

	@Embedded
	private RunnerLogLine line;

	protected VerificationLogLine() {
	}

	VerificationLogLine(VerificationId verification, RunnerLogLine line) {
		this.id = UUID.randomUUID();
		this.verificationId = verification.value();
		this.line = line;
	}

	LogLine view() {
		return this.line.view();
	}

}
