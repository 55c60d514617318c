package io.strongroom.target;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.strongroom.tenant.TenantId;

/** That a tenant has an encryption key, and its fingerprint; never the key itself. */
@Entity
@Table(name = "target_encryption_key")
class EncryptionKeyRecord {

	/** Whether Strongroom generated the key or the customer brought their own. */
	enum Origin {

		GENERATED, CUSTOMER

	}

	@Id
	private UUID tenantId;

	@Column(nullable = false)
	private @Nullable String fingerprint;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected EncryptionKeyRecord() {
	}

	static EncryptionKeyRecord of(TenantId tenant) {
		EncryptionKeyRecord record = new EncryptionKeyRecord();
		record.tenantId = tenant.value();
		return record;
	}

	void replaced(String fingerprint, Origin origin, Instant at) {
		this.fingerprint = fingerprint;
		this.origin = origin;
		this.updatedAt = at;
	}

	/** Null only for a record not saved yet. */
	@Nullable String fingerprint() {
		return this.fingerprint;
	}

	Origin origin() {
		return this.origin;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
