package io.strongroom.run;

import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;

/** Publishes the module event for a run that just reached a final state. */
final class RunEvents {

	private RunEvents() {
	}

	static void finished(ApplicationEventPublisher events, BackupRun run) {
		switch (run.state()) {
			case SUCCEEDED -> events.publishEvent(new BackupSucceeded(run.tenantId(), run.id(), run.targetId(),
					run.databaseLabel(), Objects.requireNonNull(run.objectKey()), run.finishedAt()));
			case FAILED -> events.publishEvent(new BackupFailed(run.tenantId(), run.id(), run.targetId(),
					run.databaseLabel(), Objects.requireNonNullElse(run.failureKind(), "INTERNAL"),
					Objects.requireNonNullElse(run.failureMessage(), ""), run.finishedAt()));
			case CANCELLED ->
				events.publishEvent(new BackupCancelled(run.tenantId(), run.id(), run.targetId(), run.databaseLabel(),
						Objects.requireNonNullElse(run.failureMessage(), "cancelled"), run.finishedAt()));
			default -> throw new IllegalStateException("Run " + run.id() + " is not finished: " + run.state());
		}
	}

}
