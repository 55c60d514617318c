package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import io.strongroom.notify.DeliveryStore.NewDelivery;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and health SQL on H2 in PostgreSQL mode, the embedded default's database,
 * after every Flyway migration (PostgreSQL is covered by the integration tests).
 */
class NotifyStoresOnH2Tests {

	static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

	JdbcClient jdbc;

	DeliveryStore deliveries;

	HealthStore health;

	TenantId tenant = new TenantId(UUID.randomUUID());

	@BeforeEach
	void migrate() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc
			.sql("INSERT INTO tenant (id, name, plan, region, state, created_at) VALUES (:id, 'a', 'basic',"
					+ " 'us', 'PROVISIONED', :now)")
			.param("id", this.tenant.value())
			.param("now", DeliveryStore.time(NOW))
			.update();
		this.deliveries = new DeliveryStore(this.jdbc);
		this.health = new HealthStore(this.jdbc);
	}

	NewDelivery delivery(String event) {
		return new NewDelivery(this.tenant, "DATABASE", event, "FIRST_FAILURE", Channel.EMAIL, "a@b.example", "s", "t",
				"<p>t</p>", null);
	}

	@Test
	void enqueueIsIdempotentAndClaimsAreExclusive() {
		assertThat(this.deliveries.enqueue(delivery("e1"), NOW)).isTrue();
		assertThat(this.deliveries.enqueue(delivery("e1"), NOW)).isFalse();
		assertThat(this.deliveries.enqueue(delivery("e2"), NOW)).isTrue();

		List<Delivery> claimed = this.deliveries.claimDue(NOW, 10, Duration.ofMinutes(5));
		assertThat(claimed).extracting(Delivery::eventKey).containsExactly("e1", "e2");
		assertThat(this.deliveries.claimDue(NOW, 10, Duration.ofMinutes(5))).isEmpty();

		this.deliveries.done(claimed.get(0).id(), DeliveryStatus.SENT, NOW);
		this.deliveries.failed(claimed.get(1).id(), "SMTP failed", NOW.plusSeconds(30), NOW);
		assertThat(this.deliveries.claimDue(NOW.plusSeconds(29), 10, Duration.ofMinutes(5))).isEmpty();
		assertThat(this.deliveries.claimDue(NOW.plusSeconds(30), 10, Duration.ofMinutes(5))).singleElement()
			.satisfies((d) -> assertThat(d.attempts()).isEqualTo(2));
		// a worker that died mid-send: its lease runs out and another takes over
		assertThat(this.deliveries.claimDue(NOW.plus(Duration.ofMinutes(6)), 10, Duration.ofMinutes(5))).hasSize(1);
		assertThat(this.deliveries.recent(this.tenant, 10)).extracting(SentNotice::status)
			.containsExactly(DeliveryStatus.SENDING, DeliveryStatus.SENT);
	}

	@Test
	void theMissedSlotLedgerIsCreatedOnceMovedAndForgotten() {
		MissedSlotLedger ledger = new MissedSlotLedger(this.jdbc);
		UUID target = UUID.randomUUID();
		MissedSlotLedger.Mark initial = new MissedSlotLedger.Mark("hourly at minute 0 (UTC)", NOW);
		assertThat(ledger.lock(target, this.tenant, initial, NOW)).isEqualTo(initial);
		assertThat(ledger.lock(target, this.tenant, new MissedSlotLedger.Mark("other", NOW.plusSeconds(60)), NOW))
			.as("an existing mark is kept")
			.isEqualTo(initial);
		MissedSlotLedger.Mark moved = new MissedSlotLedger.Mark("hourly at minute 0 (UTC)", NOW.plusSeconds(3600));
		ledger.save(target, moved, NOW);
		assertThat(ledger.all()).containsEntry(target, moved);
		assertThat(ledger.forget(target)).isTrue();
		ledger.lock(target, this.tenant, initial, NOW);
		assertThat(ledger.forgetAll(this.tenant)).isEqualTo(1);
		assertThat(ledger.all()).doesNotContainKey(target);
	}

	@Test
	void healthRoundTripsAndLocks() {
		assertThat(this.health.lock(this.tenant, "DATABASE")).isEqualTo(Health.UNKNOWN);
		Health failing = new Health(Health.Status.FAILING, NOW, 2, NOW, "AUTHENTICATION_FAILED", "refused",
				UUID.randomUUID(), NOW, Health.Status.OK, null);
		this.health.save(this.tenant, "DATABASE", failing, NOW);
		assertThat(this.health.lock(this.tenant, "DATABASE")).isEqualTo(failing);
		this.health.save(this.tenant, "DATABASE", Health.UNKNOWN, NOW);
		assertThat(this.health.lock(this.tenant, "DATABASE")).isEqualTo(Health.UNKNOWN);
		this.health.save(this.tenant, "DATABASE", failing, NOW);
		assertThat(this.health.failingSince(NOW)).extracting(HealthStore.Failing::databaseLabel)
			.containsExactly("DATABASE");
		assertThat(this.health.failingSince(NOW.minusSeconds(1))).isEmpty();
	}

}
