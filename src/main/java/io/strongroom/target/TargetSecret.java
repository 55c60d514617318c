package io.strongroom.target;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One sealed secret of one tenant. The seal's context names the tenant and the secret, so
 * a sealed value copied to another row does not open.
 */
@Entity
@Table(name = "target_secret")
class TargetSecret {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String sealed;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected TargetSecret() {
	}

	TargetSecret(UUID tenantId, String name, String sealed, Instant at) {
		this.id = UUID.randomUUID();
		this.tenantId = tenantId;
		this.name = name;
		this.sealed = sealed;
		this.updatedAt = at;
	}

	void resealed(String sealed, Instant at) {
		this.sealed = sealed;
		this.updatedAt = at;
	}

	UUID id() {
		return this.id;
	}

	UUID tenantId() {
		return this.tenantId;
	}

	String name() {
		return this.name;
	}

	String sealed() {
		return this.sealed;
	}

	@Override
	public String toString() {
		return "TargetSecret[" + this.tenantId + "/" + this.name + "]";
	}

}
