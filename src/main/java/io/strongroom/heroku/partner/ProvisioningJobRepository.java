package io.strongroom.heroku.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProvisioningJobRepository extends JpaRepository<ProvisioningJob, UUID> {

	@Query("""
			select j.tenantId from ProvisioningJob j
			where j.state = ?2 and j.nextAttemptAt <= ?1 and (j.lockedUntil is null or j.lockedUntil < ?1)
			order by j.nextAttemptAt""")
	List<UUID> findDue(Instant now, ProvisioningJob.State pending, Pageable page);

	default List<UUID> findDue(Instant now, Pageable page) {
		return findDue(now, ProvisioningJob.State.PENDING, page);
	}

	/**
	 * Claims a due job for {@code owner} until {@code until}: a compare-and-set, so of
	 * two processes claiming the same job exactly one gets 1.
	 */
	@Modifying
	@Query("""
			update versioned ProvisioningJob j set j.lockedBy = ?2, j.lockedUntil = ?3
			where j.tenantId = ?1 and j.state = ?5 and j.nextAttemptAt <= ?4
			and (j.lockedUntil is null or j.lockedUntil < ?4)""")
	int claim(UUID tenantId, String owner, Instant until, Instant now, ProvisioningJob.State pending);

	default boolean claim(UUID tenantId, String owner, Instant until, Instant now) {
		return claim(tenantId, owner, until, now, ProvisioningJob.State.PENDING) == 1;
	}

	/** Forgets answer tokens whose replay window has passed. */
	@Modifying
	@Query("""
			update versioned ProvisioningJob j set j.apiTokenSealed = null
			where j.apiTokenSealed is not null and j.apiTokenEraseAfter < ?1""")
	int eraseExpiredApiTokens(Instant now);

	@Query("select j.tenantId from ProvisioningJob j where j.grantCodeSealed is not null or j.apiTokenSealed is not null")
	List<UUID> findIdsWithSealedValues();

}
