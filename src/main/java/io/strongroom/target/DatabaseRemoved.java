package io.strongroom.target;

import java.util.Objects;

import io.strongroom.tenant.TenantId;

/**
 * A customer removed a database from the add-on. Published in the transaction that
 * deletes it, so modules that keep settings per database forget theirs; its backups and
 * their records stay (they are deleted by retention or by a person).
 *
 * @param tenant the add-on resource
 * @param target the database's id, no longer known to the target module
 * @param label the label it had; a later database may reuse it
 */
public record DatabaseRemoved(TenantId tenant, TargetId target, DatabaseLabel label) {

	public DatabaseRemoved {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(label, "label");
	}

}
