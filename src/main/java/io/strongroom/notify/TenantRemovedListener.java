package io.strongroom.notify;

import io.strongroom.tenant.TenantDeprovisioned;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an add-on is removed nobody should hear from it again: its pending deliveries are
 * given up (kept, with the reason), its health forgotten, so no reminder fires, and its
 * missed-slot ledger forgotten. Idempotent.
 */
@Component
class TenantRemovedListener {

	private final JdbcClient jdbc;

	private final MissedSlotLedger ledger;

	TenantRemovedListener(JdbcClient jdbc, MissedSlotLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(TenantDeprovisioned event) {
		this.jdbc
			.sql("""
					UPDATE notify_delivery SET status = 'GAVE_UP', claimed_until = NULL, last_error = 'the add-on was removed'
					WHERE tenant_id = :tenant AND status = 'PENDING'
					""")
			.param("tenant", event.tenant().value())
			.update();
		this.jdbc.sql("DELETE FROM notify_health WHERE tenant_id = :tenant")
			.param("tenant", event.tenant().value())
			.update();
		this.ledger.forgetAll(event.tenant());
	}

}
