package io.strongroom.api;

import io.strongroom.tenant.TenantId;

/** The add-on a request's token belongs to: every API call is scoped to it. */
record ApiTenant(TenantId id) {

}
