package io.strongroom.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface VerificationLogRepository extends JpaRepository<VerificationLogLine, UUID> {

	List<VerificationLogLine> findByVerificationIdOrderByLineNo(UUID verificationId);

}
