package io.strongroom.target;

import java.util.Optional;

import io.strongroom.runner.Secret;
import io.strongroom.tenant.TenantId;

/**
 * Secrets this module must read back later, encrypted at rest under the master key.
 * Implementations guarantee: {@link #get} returns exactly what the last {@link #put} of
 * that name stored for that tenant, never another tenant's; a name never put (or deleted)
 * is empty; {@link #delete} and {@link #deleteAll} are idempotent; nothing is stored or
 * logged in clear text. They join the caller's transaction.
 */
interface SecretVault {

	void put(TenantId tenant, String name, Secret value);

	Optional<Secret> get(TenantId tenant, String name);

	void delete(TenantId tenant, String name);

	void deleteAll(TenantId tenant);

}
