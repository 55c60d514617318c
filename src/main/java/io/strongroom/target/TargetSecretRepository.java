package io.strongroom.target;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TargetSecretRepository extends JpaRepository<TargetSecret, UUID> {

	Optional<TargetSecret> findByTenantIdAndName(UUID tenantId, String name);

	@Modifying
	@Query("delete from TargetSecret s where s.tenantId = ?1 and s.name = ?2")
	int deleteByTenantIdAndName(UUID tenantId, String name);

	@Modifying
	@Query("delete from TargetSecret s where s.tenantId = ?1")
	int deleteByTenantId(UUID tenantId);

	List<TargetSecret> findTop500ByIdGreaterThanOrderById(UUID after);

}
