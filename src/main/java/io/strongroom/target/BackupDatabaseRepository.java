package io.strongroom.target;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BackupDatabaseRepository extends JpaRepository<BackupDatabase, UUID> {

	List<BackupDatabase> findByTenantIdOrderByLabel(UUID tenantId);

	Optional<BackupDatabase> findByTenantIdAndLabel(UUID tenantId, String label);

	Optional<BackupDatabase> findByTenantIdAndId(UUID tenantId, UUID id);

	long countByTenantId(UUID tenantId);

	/** Oldest first: the order in which a plan's database limit keeps databases. */
	List<BackupDatabase> findByTenantIdOrderByCreatedAtAscIdAsc(UUID tenantId);

}
