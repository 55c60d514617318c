package io.strongroom.heroku.platform;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * One add-on's Platform API tokens, sealed with the master key (ARCHITECTURE.md "Where
 * each secret lives"). The sealed values are bound to the add-on and the token kind, so a
 * value copied to another row does not open.
 */
@Entity
@Table(name = "heroku_oauth_token")
class OAuthToken {

	@Id
	private UUID tenantId;

	@Column(nullable = false)
	private String accessTokenSealed;

	@Column(nullable = false)
	private String refreshTokenSealed;

	@Column(nullable = false)
	private Instant expiresAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected OAuthToken() {
	}

	OAuthToken(UUID tenantId, String accessTokenSealed, String refreshTokenSealed, Instant expiresAt, Instant at) {
		this.tenantId = tenantId;
		this.accessTokenSealed = accessTokenSealed;
		this.refreshTokenSealed = refreshTokenSealed;
		this.expiresAt = expiresAt;
		this.updatedAt = at;
	}

	void refreshed(String accessTokenSealed, String refreshTokenSealed, Instant expiresAt, Instant at) {
		this.accessTokenSealed = accessTokenSealed;
		this.refreshTokenSealed = refreshTokenSealed;
		this.expiresAt = expiresAt;
		this.updatedAt = at;
	}

	void resealed(String accessTokenSealed, String refreshTokenSealed) {
		this.accessTokenSealed = accessTokenSealed;
		this.refreshTokenSealed = refreshTokenSealed;
	}

	UUID tenantId() {
		return this.tenantId;
	}

	String accessTokenSealed() {
		return this.accessTokenSealed;
	}

	String refreshTokenSealed() {
		return this.refreshTokenSealed;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	static String accessContext(UUID tenantId) {
		return "heroku.oauth.access:" + tenantId;
	}

	static String refreshContext(UUID tenantId) {
		return "heroku.oauth.refresh:" + tenantId;
	}

}
