package io.strongroom.notify;

import java.util.Optional;

import io.strongroom.tenant.TenantId;

/**
 * Who owns the resource's Heroku app: in Heroku mode the Platform API's {@code GET
 * /apps/{id}} {@code owner.email} (heroku-addon.md §7), implemented by the {@code heroku}
 * module's Platform API client. Without a bean, or when it answers empty, notices go to
 * the resource's users (everyone who has signed in to its dashboard).
 * <p>
 * Contract: returns a mailbox, never the v1 {@code heroku_id}
 * ({@code appNNN@heroku.com}); may throw when Heroku cannot be reached (the users are
 * told instead); should cache, as it is asked once per notice.
 */
public interface AppOwnerLookup {

	Optional<String> ownerEmail(TenantId tenant);

}
