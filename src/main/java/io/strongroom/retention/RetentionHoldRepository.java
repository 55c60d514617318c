package io.strongroom.retention;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RetentionHoldRepository extends JpaRepository<RetentionHold, UUID> {

	List<RetentionHold> findByTenantIdAndDatabaseLabel(UUID tenantId, String databaseLabel);

}
