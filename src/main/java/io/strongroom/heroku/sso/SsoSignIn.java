package io.strongroom.heroku.sso;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import io.strongroom.heroku.SignedInUser;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRole;
import io.strongroom.tenant.TenantUser;
import io.strongroom.tenant.TenantUserRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a Heroku user in to one resource once the token has been checked: finds the
 * resource, records the user (by Heroku user id) and the app's name.
 */
@Service
class SsoSignIn {

	private final EntityManager entityManager;

	private final TenantUserRepository users;

	SsoSignIn(EntityManager entityManager, TenantUserRepository users) {
		this.entityManager = entityManager;
		this.users = users;
	}

	/** What became of a sign-in whose token was valid. */
	sealed interface Outcome {

		record SignedIn(SignedInUser user, String addonName) implements Outcome {
		}

		record UnknownResource() implements Outcome {
		}

		record Deprovisioned(@Nullable Instant at) implements Outcome {
		}

	}

	/**
	 * The first user ever to sign in to a resource becomes its admin, later new users
	 * members; a returning user keeps the role stored against their Heroku user id. The
	 * resource's row is locked for the transaction, so two first sign-ins at once cannot
	 * both become admin, nor one user be inserted twice.
	 */
	@Transactional
	Outcome signIn(SsoRequest request, Instant at) {
		Tenant tenant = this.entityManager.find(Tenant.class, request.resourceUuid(), LockModeType.PESSIMISTIC_WRITE);
		if (tenant == null) {
			return new Outcome.UnknownResource();
		}
		if (tenant.isDeprovisioned()) {
			return new Outcome.Deprovisioned(tenant.deprovisionedAt());
		}
		if (request.app() != null && !Objects.equals(request.app(), tenant.appName())) {
			tenant.appNamed(request.app());
		}
		TenantUser user = this.users.findByTenantIdAndHerokuUserId(tenant.id().value(), request.userId())
			.map((existing) -> {
				existing.signedIn(request.email(), at);
				return existing;
			})
			.orElseGet(() -> {
				TenantRole role = (this.users.countByTenantId(tenant.id().value()) == 0) ? TenantRole.ADMIN
						: TenantRole.MEMBER;
				return this.users
					.save(TenantUser.firstSignIn(tenant.id(), request.userId(), request.email(), role, at));
			});
		return new Outcome.SignedIn(
				new SignedInUser(tenant.id().value(), user.id(), user.herokuUserId(), user.email(), user.role()),
				tenant.name());
	}

}
