package io.strongroom.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TenantUserRepository extends JpaRepository<TenantUser, UUID> {

	Optional<TenantUser> findByTenantIdAndHerokuUserId(UUID tenantId, String herokuUserId);

	List<TenantUser> findByTenantIdOrderByCreatedAt(UUID tenantId);

	long countByTenantId(UUID tenantId);

}
