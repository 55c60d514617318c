package io.strongroom.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BackupVerificationRepository extends JpaRepository<BackupVerification, UUID> {

	Optional<BackupVerification> findByActiveRunId(UUID runId);

	Optional<BackupVerification> findByRunningTargetId(UUID targetId);

	boolean existsByRunIdAndOrigin(UUID runId, BackupVerification.Origin origin);

	List<BackupVerification> findByStateIn(Collection<VerificationState> states);

	List<BackupVerification> findByTenantIdAndStateIn(UUID tenantId, Collection<VerificationState> states);

	List<BackupVerification> findTop20ByStateAndNotBeforeLessThanEqualOrderByNotBeforeAscIdAsc(VerificationState state,
			Instant now);

	Optional<BackupVerification> findFirstByTargetIdAndRestoreTestedTrueOrderByFinishedAtDesc(UUID targetId);

	List<BackupVerification> findByRunIdOrderByCreatedAtDesc(UUID runId);

}
