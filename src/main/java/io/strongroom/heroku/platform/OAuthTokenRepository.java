package io.strongroom.heroku.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OAuthTokenRepository extends JpaRepository<OAuthToken, UUID> {

	/** Serialises refreshes of one add-on's token across processes. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from OAuthToken t where t.tenantId = ?1")
	Optional<OAuthToken> findForUpdate(UUID tenantId);

	@Query("select t.tenantId from OAuthToken t")
	List<UUID> findAllTenantIds();

}
