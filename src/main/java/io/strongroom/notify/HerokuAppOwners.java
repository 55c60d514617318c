package io.strongroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The app owner from the Platform API ({@code GET /apps/{id}} {@code owner.email},
 * heroku-addon.md §7), remembered for an hour so a burst of notices costs one call. A
 * resource whose app is not known yet (the embedded default, a provisioning in progress)
 * has no owner here, so its users are told. A permanent refusal (403, 404) also falls
 * back to the users; a passing failure (429, 5xx, no answer) is thrown so the mail is
 * retried later.
 */
@Component
class HerokuAppOwners implements AppOwnerLookup {

	static final Duration REMEMBER = Duration.ofHours(1);

	private record Known(Optional<String> email, Instant at) {

	}

	private final HerokuPlatformClient platform;

	private final TenantRepository tenants;

	private final Clock clock;

	private final Map<TenantId, Known> known = new ConcurrentHashMap<>();

	HerokuAppOwners(HerokuPlatformClient platform, TenantRepository tenants, ObjectProvider<Clock> clock) {
		this.platform = platform;
		this.tenants = tenants;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Optional<String> ownerEmail(TenantId tenant) {
		Instant now = this.clock.instant();
		Known remembered = this.known.get(tenant);
		if (remembered != null && now.isBefore(remembered.at().plus(REMEMBER))) {
			return remembered.email();
		}
		Tenant resource = this.tenants.findById(tenant.value()).orElse(null);
		String appId = (resource != null && !resource.isDeprovisioned()) ? resource.herokuAppId() : null;
		if (appId == null) {
			return Optional.empty();
		}
		Optional<String> email;
		try {
			email = Optional.ofNullable(this.platform.app(tenant, appId).ownerEmail());
		}
		catch (HerokuApiException ex) {
			if (ex.retryable()) {
				throw ex;
			}
			email = Optional.empty();
		}
		this.known.put(tenant, new Known(email, now));
		return email;
	}

}
