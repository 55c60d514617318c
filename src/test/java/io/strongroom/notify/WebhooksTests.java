package io.strongroom.notify;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.strongroom.secrets.SecretBox;
import io.strongroom.secrets.SecretBoxException;
import io.strongroom.tenant.TenantId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Webhook settings sealed at rest, on H2 after every migration. */
class WebhooksTests {

	static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

	final FakeBox box = new FakeBox();

	final TenantId tenant = new TenantId(UUID.randomUUID());

	JdbcClient jdbc;

	Webhooks webhooks;

	@BeforeEach
	void migrate() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource
			.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc
			.sql("INSERT INTO tenant (id, name, plan, region, state, created_at) VALUES (:id, 'a', 'basic', 'us',"
					+ " 'PROVISIONED', :now)")
			.param("id", this.tenant.value())
			.param("now", DeliveryStore.time(NOW))
			.update();
		this.webhooks = new Webhooks(this.jdbc, this.box,
				new StaticListableBeanFactory(Map.of("clock", new MutableClock(NOW)))
					.getBeanProvider(java.time.Clock.class));
	}

	@Test
	void theSecretIsShownOnceAndTheUrlIsSealedAtRest() {
		String url = "https://hooks.slack.com/services/T000/B000/XXXX1234";
		Webhooks.CreatedWebhook created = this.webhooks.configure(this.tenant, url);

		assertThat(created.host()).isEqualTo("hooks.slack.com");
		assertThat(created.signingSecret().value()).startsWith("whsec_").hasSize(6 + 43);
		assertThat(created.signingSecret().toString()).isEqualTo("**redacted**");
		assertThat(this.webhooks.describe(this.tenant)).contains(new Webhooks.WebhookView("hooks.slack.com", NOW));
		String stored = this.jdbc.sql("SELECT url_sealed || ' ' || secret_sealed FROM notify_webhook")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("XXXX1234").doesNotContain(created.signingSecret().value());
		WebhookEndpoint endpoint = this.webhooks.endpointFor(this.tenant).orElseThrow();
		assertThat(endpoint.url()).hasToString(url);
		assertThat(endpoint.signingSecret()).isEqualTo(created.signingSecret());

		Webhooks.CreatedWebhook replaced = this.webhooks.configure(this.tenant, url);
		assertThat(replaced.signingSecret()).isNotEqualTo(created.signingSecret());
		this.webhooks.remove(this.tenant);
		assertThat(this.webhooks.endpointFor(this.tenant)).isEmpty();
		assertThat(this.webhooks.describe(this.tenant)).isEmpty();
	}

	@Test
	void aSealedValueDoesNotOpenForAnotherResource() {
		this.webhooks.configure(this.tenant, "https://hooks.example.com/a");
		TenantId other = new TenantId(UUID.randomUUID());
		this.jdbc
			.sql("INSERT INTO tenant (id, name, plan, region, state, created_at) VALUES (:id, 'b', 'basic', 'us',"
					+ " 'PROVISIONED', :now)")
			.param("id", other.value())
			.param("now", DeliveryStore.time(NOW))
			.update();
		this.jdbc
			.sql("INSERT INTO notify_webhook SELECT :other, url_sealed, secret_sealed, host, created_at"
					+ " FROM notify_webhook WHERE tenant_id = :tenant")
			.param("other", other.value())
			.param("tenant", this.tenant.value())
			.update();
		assertThatExceptionOfType(SecretBoxException.class).isThrownBy(() -> this.webhooks.endpointFor(other));
	}

	@Test
	void aKeyRotationResealsEveryValueOnce() {
		this.webhooks.configure(this.tenant, "https://hooks.example.com/a");
		WebhookEndpoint before = this.webhooks.endpointFor(this.tenant).orElseThrow();
		this.box.currentKey = "k2";
		assertThat(this.webhooks.resealWithCurrentKey(this.box)).isEqualTo(1);
		assertThat(this.webhooks.resealWithCurrentKey(this.box)).isZero();
		assertThat(this.jdbc.sql("SELECT url_sealed FROM notify_webhook").query(String.class).single())
			.startsWith("k2:");
		assertThat(this.webhooks.endpointFor(this.tenant)).contains(before);
	}

	@Test
	void onlyHttpsUrlsAreAcceptedExceptOnThisMachine() {
		assertThatExceptionOfType(InvalidWebhook.class)
			.isThrownBy(() -> this.webhooks.configure(this.tenant, "http://hooks.example.com/a"))
			.withMessage("The webhook URL must start with https://");
		assertThatExceptionOfType(InvalidWebhook.class).isThrownBy(() -> this.webhooks.configure(this.tenant, "/hook"))
			.withMessage("The webhook URL must be absolute, like https://hooks.example.com/strongroom");
		assertThatExceptionOfType(InvalidWebhook.class)
			.isThrownBy(() -> this.webhooks.configure(this.tenant, "https://exa mple.com"))
			.withMessage("The webhook URL is not a valid URL");
		assertThat(this.webhooks.configure(this.tenant, "http://localhost:8089/hook").host()).isEqualTo("localhost");
	}

	/**
	 * Seals as {@code <key>:<context>:<reversed text>}: enough to test contexts and
	 * rotation.
	 */
	static final class FakeBox implements SecretBox {

		String currentKey = "k1";

		@Override
		public String seal(String plaintext, String context) {
			return this.currentKey + ":" + context + ":" + new StringBuilder(plaintext).reverse();
		}

		@Override
		public String open(String sealed, String context) {
			String[] parts = sealed.split(":", 2);
			if (!parts[1].startsWith(context + ":")) {
				throw new SecretBoxException("sealed for another purpose");
			}
			return new StringBuilder(parts[1].substring(context.length() + 1)).reverse().toString();
		}

		@Override
		public boolean isSealedWithCurrentKey(String sealed) {
			return sealed.startsWith(this.currentKey + ":");
		}

		@Override
		public String currentKeyId() {
			return this.currentKey;
		}

	}

}
