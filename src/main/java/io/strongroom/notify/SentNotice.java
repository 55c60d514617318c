package io.strongroom.notify;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One delivery as the dashboard shows it (including mails that were only logged because
 * no SMTP server is configured).
 *
 * @param id the delivery
 * @param createdAt when it was decided
 * @param databaseLabel the database
 * @param kind the notice kind, or {@code BACKUP_OUTCOME} for log lines
 * @param channel mail, webhook or log
 * @param recipient the address, or {@code webhook} / {@code log}
 * @param subject the mail subject, if a mail
 * @param text the plain text (mail text part, or the log line)
 * @param status where it is
 * @param attempts attempts made
 * @param lastError the last attempt's error, if it failed
 * @param sentAt when it was sent or logged
 */
public record SentNotice(UUID id, Instant createdAt, String databaseLabel, String kind, Channel channel,
		String recipient, @Nullable String subject, String text, DeliveryStatus status, int attempts,
		@Nullable String lastError, @Nullable Instant sentAt) {

}
