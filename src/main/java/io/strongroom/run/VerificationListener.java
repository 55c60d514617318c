package io.strongroom.run;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A backup succeeded: queue its verification. The event publication is recorded with the
 * run's success, so a restart before the verification is queued delivers it again;
 * {@link Verifications#afterBackup} is idempotent.
 */
@Component
class VerificationListener {

	private final Verifications verifications;

	VerificationListener(Verifications verifications) {
		this.verifications = verifications;
	}

	@ApplicationModuleListener
	void on(BackupSucceeded event) {
		this.verifications.afterBackup(event.run());
	}

}
