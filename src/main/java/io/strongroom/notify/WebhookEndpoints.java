package io.strongroom.notify;

import java.util.Optional;

import io.strongroom.tenant.TenantId;

/**
 * Which resources have a webhook. Implemented where the customer's settings and their
 * encryption at rest live (the dashboard and {@code secrets} modules); without a bean no
 * webhook is called.
 * <p>
 * Contract: fast (it is asked once per notice, inside the transaction that records it)
 * and side-effect free.
 */
public interface WebhookEndpoints {

	Optional<WebhookEndpoint> endpointFor(TenantId tenant);

}
