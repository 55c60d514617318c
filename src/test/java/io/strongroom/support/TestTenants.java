package io.strongroom.support;

import java.time.Instant;
import java.util.UUID;

import io.strongroom.tenant.ApiTokens;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;

/** Add-on resources for API tests, each with its own token. */
public final class TestTenants {

	private TestTenants() {
	}

	public record Created(TenantId id, String name, String token) {

	}

	public static Created create(TenantRepository tenants, String plan) {
		TenantId id = new TenantId(UUID.randomUUID());
		String name = "acme-" + id.value().toString().substring(0, 8);
		String token = ApiTokens.generate();
		Tenant tenant = Tenant.provisioning(id, name, plan, "us", null, null, null, Instant.now());
		tenant.issueApiToken(ApiTokens.hash(token));
		tenant.provisioned();
		tenants.save(tenant);
		return new Created(id, name, token);
	}

}
