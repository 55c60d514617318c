package io.strongroom.notify;

import io.strongroom.target.DatabaseRemoved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A removed database's missed-slot mark goes with it at once (the sweep would also drop
 * it, but only on its next pass). Idempotent.
 */
@Component
class RemovedDatabaseLedger {

	private final MissedSlotLedger ledger;

	RemovedDatabaseLedger(MissedSlotLedger ledger) {
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(DatabaseRemoved event) {
		this.ledger.forget(event.target().value());
	}

}
