package io.strongroom.heroku;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRole;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in to the dashboard, and to which one add-on resource. Only Heroku single
 * sign-on creates it, and it lives in the HTTP session: the dashboard takes the tenant
 * from here and never from a URL or a parameter, so a session for one resource cannot
 * reach another.
 *
 * @param tenant the resource this session is bound to
 * @param user the {@code TenantUser} id
 * @param herokuUserId Heroku's id of the user, how users are told apart
 * @param email the user's email as Heroku last sent it
 * @param role the user's role on this resource
 */
public record SignedInUser(UUID tenant, UUID user, String herokuUserId, String email,
		TenantRole role) implements AuthenticatedPrincipal, Serializable {

	public SignedInUser {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(herokuUserId, "herokuUserId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
	}

	public TenantId tenantId() {
		return new TenantId(this.tenant);
	}

	public boolean isAdmin() {
		return this.role == TenantRole.ADMIN;
	}

	@Override
	public String getName() {
		return this.herokuUserId;
	}

}
