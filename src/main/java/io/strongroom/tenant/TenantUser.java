package io.strongroom.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Heroku user who has signed in to one resource's dashboard. Identified by Heroku's
 * {@code user_id}, never by email: emails change.
 */
@Entity
@Table(name = "tenant_user")
public class TenantUser {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private String herokuUserId;

	@Column(nullable = false)
	private String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TenantRole role;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant lastSignInAt;

	protected TenantUser() {
	}

	public static TenantUser firstSignIn(TenantId tenant, String herokuUserId, String email, TenantRole role,
			Instant at) {
		TenantUser user = new TenantUser();
		user.id = UUID.randomUUID();
		user.tenantId = tenant.value();
		user.herokuUserId = herokuUserId;
		user.email = email;
		user.role = role;
		user.createdAt = at;
		user.lastSignInAt = at;
		return user;
	}

	public void signedIn(String email, Instant at) {
		this.email = email;
		this.lastSignInAt = at;
	}

	public UUID id() {
		return this.id;
	}

	public TenantId tenantId() {
		return new TenantId(this.tenantId);
	}

	public String herokuUserId() {
		return this.herokuUserId;
	}

	public String email() {
		return this.email;
	}

	public TenantRole role() {
		return this.role;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant lastSignInAt() {
		return this.lastSignInAt;
	}

}
