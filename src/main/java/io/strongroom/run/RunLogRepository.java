package io.strongroom.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RunLogRepository extends JpaRepository<RunLogLine, UUID> {

	@Query("select l from RunLogLine l where l.runId = :runId order by l.line.lineNo")
	List<RunLogLine> findByRunIdOrderByLineNo(@Param("runId") UUID runId);

}
