package io.strongroom.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.strongroom.notify.Health.Status;
import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each database's {@link Health}, over plain JDBC. */
@Repository
class HealthStore {

	private final JdbcClient jdbc;

	HealthStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The database's health, locked for the rest of the transaction so two outcomes of
	 * the same database are decided one after the other.
	 */
	Health lock(TenantId tenant, String databaseLabel) {
		return this.jdbc.sql("""
				SELECT * FROM notify_health WHERE tenant_id = :tenant AND database_label = :label FOR UPDATE
				""")
			.param("tenant", tenant.value())
			.param("label", databaseLabel)
			.query(HealthStore::health)
			.optional()
			.orElse(Health.UNKNOWN);
	}

	void save(TenantId tenant, String databaseLabel, Health health, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE notify_health SET status = :status, failing_since = :failingSince, failures = :failures,
				    last_notice_at = :lastNoticeAt, failure_kind = :failureKind, failure_message = :failureMessage,
				    last_run_id = :lastRunId, last_outcome_at = :lastOutcomeAt, verification = :verification,
				    verification_notice_at = :verificationNoticeAt, updated_at = :now
				WHERE tenant_id = :tenant AND database_label = :label
				""").paramSource(params(tenant, databaseLabel, health, now)).update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO notify_health (tenant_id, database_label, status, failing_since, failures,
					    last_notice_at, failure_kind, failure_message, last_run_id, last_outcome_at, verification,
					    verification_notice_at, updated_at)
					VALUES (:tenant, :label, :status, :failingSince, :failures, :lastNoticeAt, :failureKind,
					    :failureMessage, :lastRunId, :lastOutcomeAt, :verification, :verificationNoticeAt, :now)
					""").paramSource(params(tenant, databaseLabel, health, now)).update();
		}
	}

	/** Databases failing whose last notice is at or before {@code before}. */
	List<Failing> failingSince(Instant before) {
		return this.jdbc.sql("""
				SELECT tenant_id, database_label FROM notify_health
				WHERE status = 'FAILING' AND last_notice_at <= :before ORDER BY last_notice_at
				""")
			.param("before", DeliveryStore.time(before))
			.query((rs, row) -> new Failing(new TenantId(rs.getObject("tenant_id", UUID.class)),
					rs.getString("database_label")))
			.list();
	}

	record Failing(TenantId tenant, String databaseLabel) {

	}

	private static Map<String, @Nullable Object> params(TenantId tenant, String label, Health health, Instant now) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("tenant", tenant.value());
		params.put("label", label);
		params.put("status", health.status().name());
		params.put("failingSince", time(health.failingSince()));
		params.put("failures", health.failures());
		params.put("lastNoticeAt", time(health.lastNoticeAt()));
		params.put("failureKind", health.failureKind());
		params.put("failureMessage", truncate(health.failureMessage()));
		params.put("lastRunId", health.lastRunId());
		params.put("lastOutcomeAt", time(health.lastOutcomeAt()));
		params.put("verification", health.verification().name());
		params.put("verificationNoticeAt", time(health.verificationNoticeAt()));
		params.put("now", DeliveryStore.time(now));
		return params;
	}

	private static @Nullable Object time(@Nullable Instant instant) {
		return (instant != null) ? DeliveryStore.time(instant) : null;
	}

	private static @Nullable String truncate(@Nullable String message) {
		return (message != null && message.length() > 2000) ? message.substring(0, 2000) : message;
	}

	private static Health health(ResultSet rs, int row) throws SQLException {
		return new Health(Status.valueOf(rs.getString("status")), DeliveryStore.instant(rs, "failing_since"),
				rs.getInt("failures"), DeliveryStore.instant(rs, "last_notice_at"), rs.getString("failure_kind"),
				rs.getString("failure_message"), rs.getObject("last_run_id", UUID.class),
				DeliveryStore.instant(rs, "last_outcome_at"), Status.valueOf(rs.getString("verification")),
				DeliveryStore.instant(rs, "verification_notice_at"));
	}

}
