package io.strongroom.retention;

import io.strongroom.target.DatabaseRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A removed database's retention policy goes with it, so a later database with the same
 * label starts from the defaults instead of inheriting a policy nobody sees. Holds stay:
 * they protect backups, which outlive the database. Idempotent: a second delivery finds
 * nothing to delete.
 */
@Component
class RemovedDatabasePolicies {

	private static final Logger log = LoggerFactory.getLogger(RemovedDatabasePolicies.class);

	private final StoredRetentionPolicyRepository policies;

	RemovedDatabasePolicies(StoredRetentionPolicyRepository policies) {
		this.policies = policies;
	}

	@ApplicationModuleListener
	void on(DatabaseRemoved event) {
		this.policies.findByTenantIdAndDatabaseLabel(event.tenant().value(), event.label().value())
			.ifPresent((policy) -> {
				this.policies.delete(policy);
				log.info("Retention policy of removed database {} deleted", event.label());
			});
	}

}
