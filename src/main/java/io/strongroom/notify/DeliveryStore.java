package io.strongroom.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table, over plain JDBC: claims are guarded updates, so several web processes
 * can run workers without sending a delivery twice. The same SQL runs on PostgreSQL and
 * H2 (PostgreSQL mode).
 */
@Repository
class DeliveryStore {

	private static final String COLUMNS = "id, idempotency_key, tenant_id, database_label, event_key, kind, channel,"
			+ " recipient, subject, body_text, body_html, payload, status, attempts, created_at, last_error, sent_at";

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A delivery to record. */
	record NewDelivery(TenantId tenant, String databaseLabel, String eventKey, String kind, Channel channel,
			String recipient, @Nullable String subject, String text, @Nullable String html, @Nullable String payload) {

		String idempotencyKey() {
			return DeliveryStore.idempotencyKey(this.eventKey, this.channel, this.recipient);
		}

	}

	/** SHA-256 (hex) of event, channel and recipient: one delivery per triple, ever. */
	static String idempotencyKey(String eventKey, Channel channel, String recipient) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((eventKey + "\n" + channel + "\n" + recipient.toLowerCase(Locale.ROOT))
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Records a delivery unless one with the same key exists; true if recorded. */
	boolean enqueue(NewDelivery delivery, Instant now) {
		int inserted = this.jdbc.sql("""
				INSERT INTO notify_delivery (id, idempotency_key, tenant_id, database_label, event_key, kind, channel,
				    recipient, subject, body_text, body_html, payload, status, attempts, next_attempt_at, created_at)
				VALUES (:id, :key, :tenant, :label, :event, :kind, :channel, :recipient, :subject, :text, :html,
				    :payload, 'PENDING', 0, :now, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("key", delivery.idempotencyKey())
			.param("tenant", delivery.tenant().value())
			.param("label", delivery.databaseLabel())
			.param("event", delivery.eventKey())
			.param("kind", delivery.kind())
			.param("channel", delivery.channel().name())
			.param("recipient", delivery.recipient())
			.param("subject", delivery.subject())
			.param("text", delivery.text())
			.param("html", delivery.html())
			.param("payload", delivery.payload())
			.param("now", time(now))
			.update();
		return inserted == 1;
	}

	/** Whether the event has a delivery on the channel to the recipient. */
	boolean exists(String eventKey, Channel channel, String recipient) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notify_delivery WHERE idempotency_key = :key")
			.param("key", idempotencyKey(eventKey, channel, recipient))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims due deliveries (pending and due, or claimed by a worker whose lease ran out)
	 * for this worker; each claim counts as an attempt.
	 */
	List<Delivery> claimDue(Instant now, int limit, Duration lease) {
		List<Delivery> candidates = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM notify_delivery
				WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now)
				ORDER BY seq
				LIMIT :limit
				""").param("now", time(now)).param("limit", limit).query(DeliveryStore::delivery).list();
		List<Delivery> claimed = new ArrayList<>(candidates.size());
		for (Delivery candidate : candidates) {
			int updated = this.jdbc.sql("""
					UPDATE notify_delivery SET status = 'SENDING', claimed_until = :until, attempts = attempts + 1
					WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now)
					    OR (status = 'SENDING' AND claimed_until < :now))
					""")
				.param("until", time(now.plus(lease)))
				.param("id", candidate.id())
				.param("now", time(now))
				.update();
			if (updated == 1) {
				claimed.add(new Delivery(candidate.id(), candidate.idempotencyKey(), candidate.tenant(),
						candidate.databaseLabel(), candidate.eventKey(), candidate.kind(), candidate.channel(),
						candidate.recipient(), candidate.subject(), candidate.text(), candidate.html(),
						candidate.payload(), DeliveryStatus.SENDING, candidate.attempts() + 1, candidate.createdAt()));
			}
		}
		return claimed;
	}

	void done(UUID id, DeliveryStatus status, Instant now) {
		this.jdbc.sql("""
				UPDATE notify_delivery SET status = :status, sent_at = :now, claimed_until = NULL, last_error = NULL
				WHERE id = :id AND status = 'SENDING'
				""").param("status", status.name()).param("now", time(now)).param("id", id).update();
	}

	void failed(UUID id, String error, @Nullable Instant nextAttempt, Instant now) {
		String status = (nextAttempt != null) ? "PENDING" : "GAVE_UP";
		this.jdbc.sql("""
				UPDATE notify_delivery SET status = :status, next_attempt_at = :next, claimed_until = NULL,
				    last_error = :error
				WHERE id = :id AND status = 'SENDING'
				""")
			.param("status", status)
			.param("next", time((nextAttempt != null) ? nextAttempt : now))
			.param("error", (error.length() > 1000) ? error.substring(0, 1000) : error)
			.param("id", id)
			.update();
	}

	List<SentNotice> recent(TenantId tenant, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM notify_delivery WHERE tenant_id = :tenant ORDER BY seq DESC LIMIT :limit
				""")
			.param("tenant", tenant.value())
			.param("limit", limit)
			.query((rs, row) -> delivery(rs, row).toSentNotice(rs.getString("last_error"), instant(rs, "sent_at")))
			.list();
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
				new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getString("database_label"),
				rs.getString("event_key"), rs.getString("kind"), Channel.valueOf(rs.getString("channel")),
				rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
				rs.getString("body_html"), rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "created_at"));
	}

	static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
