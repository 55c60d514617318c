package io.strongroom.tenant;

/** Mirrors the Platform API's add-on {@code state}. */
public enum TenantState {

	PROVISIONING, PROVISIONED, DEPROVISIONED

}
