package io.strongroom.retention;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.strongroom.tenant.TenantId;

/** A backup kept regardless of the policy until a person deletes it. */
@Entity
@Table(name = "retention_hold")
class RetentionHold {

	@Id
	private UUID runId;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private String databaseLabel;

	@Column(nullable = false)
	private String reason;

	@Column(nullable = false)
	private Instant createdAt;

	protected RetentionHold() {
	}

	RetentionHold(TenantId tenant, String databaseLabel, UUID runId, String reason, Instant at) {
		this.runId = runId;
		this.tenantId = tenant.value();
		this.databaseLabel = databaseLabel;
		this.reason = reason;
		this.createdAt = at;
	}

	UUID runId() {
		return this.runId;
	}

	String reason() {
		return this.reason;
	}

}
