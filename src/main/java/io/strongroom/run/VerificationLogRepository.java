package io.strongroom.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VerificationLogRepository extends JpaRepository<VerificationLogLine, UUID> {

	@Query("select l from VerificationLogLine l where l.verificationId = :verificationId order by l.line.lineNo")
	List<VerificationLogLine> findByVerificationIdOrderByLineNo(@Param("verificationId") UUID verificationId);

}
