package io.strongroom.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RunLogRepository extends JpaRepository<RunLogLine, UUID> {

	/** The lines after line {@code afterLineNo}, as many as {@code page} asks for. */
	@Query("select l from RunLogLine l where l.runId = :runId and l.line.lineNo > :afterLineNo order by l.line.lineNo")
	List<RunLogLine> findPage(@Param("runId") UUID runId, @Param("afterLineNo") int afterLineNo, Pageable page);

}
