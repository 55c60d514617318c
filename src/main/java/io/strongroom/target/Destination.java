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

/**
 * A tenant's one destination. S3 credentials are kept in {@link TargetSecrets}; this row
 * keeps the masked access key id and the secret's fingerprint for reads.
 */
@Entity
@Table(name = "target_destination")
class Destination {

	@Id
	private UUID tenantId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DestinationType type;

	@Nullable private String bucket;

	@Nullable private String region;

	@Nullable private String endpoint;

	@Column(nullable = false)
	private boolean pathStyle;

	@Column(nullable = false)
	private String prefix;

	@Nullable private String path;

	@Nullable private String accessKeyIdMasked;

	@Nullable private String secretFingerprint;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Destination() {
	}

	static Destination of(TenantId tenant) {
		Destination destination = new Destination();
		destination.tenantId = tenant.value();
		destination.prefix = "";
		return destination;
	}

	void s3(String bucket, String region, @Nullable String endpoint, boolean pathStyle, String prefix,
			String accessKeyIdMasked, String secretFingerprint, Instant at) {
		this.type = DestinationType.S3;
		this.bucket = bucket;
		this.region = region;
		this.endpoint = endpoint;
		this.pathStyle = pathStyle;
		this.prefix = prefix;
		this.path = null;
		this.accessKeyIdMasked = accessKeyIdMasked;
		this.secretFingerprint = secretFingerprint;
		this.updatedAt = at;
	}

	void filesystem(String path, String prefix, Instant at) {
		this.type = DestinationType.FILESYSTEM;
		this.path = path;
		this.prefix = prefix;
		this.bucket = null;
		this.region = null;
		this.endpoint = null;
		this.pathStyle = false;
		this.accessKeyIdMasked = null;
		this.secretFingerprint = null;
		this.updatedAt = at;
	}

	TenantId tenantId() {
		return new TenantId(this.tenantId);
	}

	@Nullable DestinationType type() {
		return this.type;
	}

	@Nullable String bucket() {
		return this.bucket;
	}

	@Nullable String region() {
		return this.region;
	}

	@Nullable String endpoint() {
		return this.endpoint;
	}

	boolean pathStyle() {
		return this.pathStyle;
	}

	String prefix() {
		return this.prefix;
	}

	@Nullable String path() {
		return this.path;
	}

	@Nullable String accessKeyIdMasked() {
		return this.accessKeyIdMasked;
	}

	@Nullable String secretFingerprint() {
		return this.secretFingerprint;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
