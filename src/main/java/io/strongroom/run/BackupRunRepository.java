package io.strongroom.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BackupRunRepository extends JpaRepository<BackupRun, UUID>, JpaSpecificationExecutor<BackupRun> {

	Optional<BackupRun> findByTenantIdAndId(UUID tenantId, UUID id);

	Optional<BackupRun> findByActiveTargetId(UUID targetId);

	Optional<BackupRun> findByTargetIdAndSlot(UUID targetId, Instant slot);

	List<BackupRun> findByStateIn(Collection<RunState> states);

	List<BackupRun> findByTenantIdAndStateIn(UUID tenantId, Collection<RunState> states);

	List<BackupRun> findTop20ByStateOrderByCreatedAtAscIdAsc(RunState state);

}
