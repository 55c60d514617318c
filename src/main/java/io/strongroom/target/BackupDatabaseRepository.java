package io.strongroom.target;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BackupDatabaseRepository extends JpaRepository<BackupDatabase, UUID> {

	List<BackupDatabase> findByTenantIdOrderByLabel(UUID tenantId);

	Optional<BackupDatabase> findByTenantIdAndLabel(UUID tenantId, String label);

	Optional<BackupDatabase> findByTenantIdAndId(UUID tenantId, UUID id);

	long countByTenantId(UUID tenantId);

	/** Id, owner and label of each of these databases that exists, in one query. */
	@Query("select d.id as id, d.tenantId as tenantId, d.label as label from BackupDatabase d where d.id in :ids")
	List<LabelRow> findLabels(@Param("ids") Collection<UUID> ids);

	/** Oldest first: the order in which a plan's database limit keeps databases. */
	List<BackupDatabase> findByTenantIdOrderByCreatedAtAscIdAsc(UUID tenantId);

	/** A database's label and owner. */
	interface LabelRow {

		UUID getId();

		UUID getTenantId();

		String getLabel();

	}

}
