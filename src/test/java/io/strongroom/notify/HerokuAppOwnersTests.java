package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.strongroom.heroku.DynoRequest;
import io.strongroom.heroku.HerokuAddon;
import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuApp;
import io.strongroom.heroku.HerokuDyno;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class HerokuAppOwnersTests {

	static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

	final TenantId tenant = new TenantId(UUID.randomUUID());

	final TenantRepository tenants = mock(TenantRepository.class);

	final MutableClock clock = new MutableClock(T0);

	final FakePlatform platform = new FakePlatform();

	final HerokuAppOwners owners = new HerokuAppOwners(this.platform, this.tenants,
			new StaticListableBeanFactory(Map.of("clock", this.clock)).getBeanProvider(java.time.Clock.class));

	void resource(@Nullable String appId) {
		Tenant resource = Tenant.provisioning(this.tenant, "strongroom-x", "basic", "us", null, null, null, T0);
		if (appId != null) {
			resource.appKnown(appId, "acme-shop");
		}
		given(this.tenants.findById(this.tenant.value())).willReturn(Optional.of(resource));
	}

	@Test
	void asksThePlatformApiForTheOwnerAndRemembersItForAnHour() {
		resource("app-1");
		this.platform.answer = new HerokuApp("app-1", "acme-shop", "owner@acme.example", "u-1", "us");
		assertThat(this.owners.ownerEmail(this.tenant)).contains("owner@acme.example");
		assertThat(this.owners.ownerEmail(this.tenant)).contains("owner@acme.example");
		assertThat(this.platform.calls).hasValue(1);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.owners.ownerEmail(this.tenant)).contains("owner@acme.example");
		assertThat(this.platform.calls).hasValue(2);
	}

	@Test
	void aResourceWhoseAppIsNotKnownHasNoOwnerSoItsUsersAreTold() {
		resource(null);
		assertThat(this.owners.ownerEmail(this.tenant)).isEmpty();
		assertThat(this.platform.calls).hasValue(0);
	}

	@Test
	void aPermanentRefusalFallsBackToTheUsersAPassingFailureIsRetried() {
		resource("app-1");
		this.platform.failure = new HerokuApiException("GET /apps/app-1 answered 503", 503, null, true, null);
		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> this.owners.ownerEmail(this.tenant));
		this.platform.failure = new HerokuApiException("GET /apps/app-1 answered 403", 403, "forbidden", false, null);
		assertThat(this.owners.ownerEmail(this.tenant)).isEmpty();
	}

	static class FakePlatform implements HerokuPlatformClient {

		final AtomicInteger calls = new AtomicInteger();

		@Nullable HerokuApp answer;

		@Nullable HerokuApiException failure;

		@Override
		public HerokuApp app(TenantId addon, String appIdOrName) {
			this.calls.incrementAndGet();
			if (this.failure != null) {
				throw this.failure;
			}
			return java.util.Objects.requireNonNull(this.answer);
		}

		@Override
		public HerokuAddon addon(TenantId addon) {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.List<io.strongroom.heroku.HerokuAttachment> attachments(TenantId addon) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void updateConfig(TenantId addon, Map<String, @Nullable String> configVars) {
			throw new UnsupportedOperationException();
		}

		@Override
		public HerokuAddon markProvisioned(TenantId addon) {
			throw new UnsupportedOperationException();
		}

		@Override
		public HerokuDyno createDyno(TenantId addon, String appIdOrName, DynoRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public HerokuDyno dyno(TenantId addon, String appIdOrName, String dynoIdOrName) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void stopDyno(TenantId addon, String appIdOrName, String dynoIdOrName) {
			throw new UnsupportedOperationException();
		}

	}

}
