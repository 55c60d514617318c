package io.strongroom.retention;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredRetentionPolicyRepository extends JpaRepository<StoredRetentionPolicy, UUID> {

	Optional<StoredRetentionPolicy> findByTenantIdAndDatabaseLabel(UUID tenantId, String databaseLabel);

	List<StoredRetentionPolicy> findByTenantId(UUID tenantId);

}
