package io.strongroom.tenant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TenantRepository extends JpaRepository<Tenant, UUID> {

	/**
	 * The REST API authenticates by token: the tenant stores only the lowercase hex
	 * SHA-256 of its {@code STRONGROOM_API_TOKEN}.
	 */
	Optional<Tenant> findByApiTokenHash(String apiTokenHash);

}
