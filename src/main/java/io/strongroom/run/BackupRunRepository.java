package io.strongroom.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BackupRunRepository extends JpaRepository<BackupRun, UUID>, JpaSpecificationExecutor<BackupRun> {

	Optional<BackupRun> findByTenantIdAndId(UUID tenantId, UUID id);

	Optional<BackupRun> findByActiveTargetId(UUID targetId);

	Optional<BackupRun> findByTargetIdAndSlot(UUID targetId, Instant slot);

	List<BackupRun> findByStateIn(Collection<RunState> states);

	List<BackupRun> findByTenantIdAndStateIn(UUID tenantId, Collection<RunState> states);

	List<BackupRun> findTop20ByStateOrderByCreatedAtAscIdAsc(RunState state);

	/**
	 * Runs whose unfinished upload is to be aborted now (the column is set only then).
	 */
	List<BackupRun> findTop20ByUploadAbortDueAtLessThanEqualOrderByUploadAbortDueAtAsc(Instant now);

	/** What retention reads of every run of one database, without the large columns. */
	@Query("select r.id as id, r.origin as origin, r.state as state, r.finishedAt as finishedAt,"
			+ " r.verification as verification, r.objectKey as objectKey, r.deletion as deletion"
			+ " from BackupRun r where r.tenantId = :tenant and r.databaseLabel = :label")
	List<RetentionRow> findRetentionRows(@Param("tenant") UUID tenant, @Param("label") String label);

	/**
	 * Every database with a backup in {@code state} whose deletion is not {@code done}.
	 */
	@Query("select distinct r.tenantId as tenantId, r.databaseLabel as databaseLabel from BackupRun r"
			+ " where r.state = :state and r.deletion <> :done")
	List<DatabaseRow> findDatabasesWithBackups(@Param("state") RunState state, @Param("done") BackupDeletion done);

	List<BackupRun> findByTenantIdAndDatabaseLabelAndStateAndFinishedAtGreaterThanEqualAndFinishedAtLessThanOrderByFinishedAtAsc(
			UUID tenantId, String databaseLabel, RunState state, Instant from, Instant to);

	Optional<BackupRun> findFirstByTenantIdAndDatabaseLabelAndStateAndFinishedAtLessThanAndStatisticsIsNotNullOrderByFinishedAtDesc(
			UUID tenantId, String databaseLabel, RunState state, Instant before);

	/** A run as retention reads it. */
	interface RetentionRow {

		UUID getId();

		RunOrigin getOrigin();

		RunState getState();

		@Nullable Instant getFinishedAt();

		Verification getVerification();

		@Nullable String getObjectKey();

		BackupDeletion getDeletion();

	}

	/** One database of one tenant. */
	interface DatabaseRow {

		UUID getTenantId();

		String getDatabaseLabel();

	}

}
