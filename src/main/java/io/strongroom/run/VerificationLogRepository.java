package io.strongroom.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VerificationLogRepository extends JpaRepository<VerificationLogLine, UUID> {

	/** The lines after line {@code afterLineNo}, as many as {@code page} asks for. */
	@Query("select l from VerificationLogLine l where l.verificationId = :verificationId"
			+ " and l.line.lineNo > :afterLineNo order by l.line.lineNo")
	List<VerificationLogLine> findPage(@Param("verificationId") UUID verificationId,
			@Param("afterLineNo") int afterLineNo, Pageable page);

}
