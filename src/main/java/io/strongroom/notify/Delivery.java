package io.strongroom.notify;

import java.time.Instant;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/** One outbox row. */
record Delivery(UUID id, String idempotencyKey, TenantId tenant, String databaseLabel, String eventKey, String kind,
		Channel channel, String recipient, @Nullable String subject, String text, @Nullable String html,
		@Nullable String payload, DeliveryStatus status, int attempts, Instant createdAt) {

	SentNotice toSentNotice(@Nullable String lastError, @Nullable Instant sentAt) {
		return new SentNotice(this.id, this.createdAt, this.databaseLabel, this.kind, this.channel, this.recipient,
				this.subject, this.text, this.status, this.attempts, lastError, sentAt);
	}

}
