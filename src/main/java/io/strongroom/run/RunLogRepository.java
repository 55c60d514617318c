package io.strongroom.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RunLogRepository extends JpaRepository<RunLogLine, UUID> {

	List<RunLogLine> findByRunIdOrderByLineNo(UUID runId);

}
