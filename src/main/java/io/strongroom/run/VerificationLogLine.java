package io.strongroom.run;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a verification runner's output, secrets already masked. */
@Entity
@Table(name = "run_verification_log")
class VerificationLogLine {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID verificationId;

	@Column(nullable = false)
	private int lineNo;

	@Column(nullable = false)
	private Instant loggedAt;

	@Column(nullable = false)
	private String line;

	protected VerificationLogLine() {
	}

	VerificationLogLine(VerificationId verification, int lineNo, Instant at, String line) {
		this.id = UUID.randomUUID();
		this.verificationId = verification.value();
		this.lineNo = lineNo;
		this.loggedAt = at;
		this.line = (line.length() > 4000) ? line.substring(0, 3999) + "…" : line;
	}

	String line() {
		return this.line;
	}

}
