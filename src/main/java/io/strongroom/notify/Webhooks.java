package io.strongroom.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.strongroom.runner.Secret;
import io.strongroom.secrets.SealedSecrets;
import io.strongroom.secrets.SecretBox;
import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each resource's optional webhook. The URL and the signing secret are sealed at rest
 * with the master key; the secret is shown once, when the webhook is set, and the URL
 * never again (only its host). Implements {@link WebhookEndpoints} for the outbox worker
 * and {@link SealedSecrets} so a master key rotation re-seals both.
 */
@Service
public class Webhooks implements WebhookEndpoints, SealedSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, SecretBox box, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * What the dashboard may show of a webhook.
	 *
	 * @param host the URL's host
	 * @param since when it was set
	 */
	public record WebhookView(String host, Instant since) {

	}

	/**
	 * A webhook just set, with its signing secret: shown this once.
	 *
	 * @param host the URL's host
	 * @param signingSecret the key of the {@code Strongroom-Signature} HMAC
	 */
	public record CreatedWebhook(String host, Secret signingSecret) {

	}

	/**
	 * Sets (or replaces) the resource's webhook with a new signing secret.
	 * @throws InvalidWebhook when the URL is not an {@code https} URL
	 */
	@Transactional
	public CreatedWebhook configure(TenantId tenant, String url) {
		return configure(tenant, url, null);
	}

	/**
	 * Sets (or replaces) the resource's webhook, signed with the given secret, or with a
	 * new one when {@code signingSecret} is {@code null}.
	 * @throws InvalidWebhook when the URL is not an {@code https} URL or the secret is
	 * too short, too long or not printable ASCII without spaces
	 */
	@Transactional
	public CreatedWebhook configure(TenantId tenant, String url, @Nullable String signingSecret) {
		URI uri = check(url);
		Secret secret;
		if (signingSecret != null) {
			secret = new Secret(checkSecret(signingSecret));
		}
		else {
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			secret = new Secret("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
		}
		this.jdbc.sql("DELETE FROM notify_webhook WHERE tenant_id = :tenant").param("tenant", tenant.value()).update();
		this.jdbc.sql("""
				INSERT INTO notify_webhook (tenant_id, url_sealed, secret_sealed, host, created_at)
				VALUES (:tenant, :url, :secret, :host, :now)
				""")
			.param("tenant", tenant.value())
			.param("url", this.box.seal(uri.toString(), urlContext(tenant)))
			.param("secret", this.box.seal(secret.value(), secretContext(tenant)))
			.param("host", uri.getHost())
			.param("now", DeliveryStore.time(this.clock.instant()))
			.update();
		return new CreatedWebhook(uri.getHost(), secret);
	}

	@Transactional(readOnly = true)
	public Optional<WebhookView> describe(TenantId tenant) {
		return this.jdbc.sql("SELECT host, created_at FROM notify_webhook WHERE tenant_id = :tenant")
			.param("tenant", tenant.value())
			.query((rs, row) -> new WebhookView(rs.getString("host"),
					Objects.requireNonNull(DeliveryStore.instant(rs, "created_at"))))
			.optional();
	}

	/** Removes the resource's webhook; deliveries still pending for it are given up. */
	@Transactional
	public void remove(TenantId tenant) {
		this.jdbc.sql("DELETE FROM notify_webhook WHERE tenant_id = :tenant").param("tenant", tenant.value()).update();
	}

	@Override
	public Optional<WebhookEndpoint> endpointFor(TenantId tenant) {
		return this.jdbc.sql("SELECT url_sealed, secret_sealed FROM notify_webhook WHERE tenant_id = :tenant")
			.param("tenant", tenant.value())
			.query((rs, row) -> new WebhookEndpoint(URI.create(this.box.open(rs.getString(1), urlContext(tenant))),
					new Secret(this.box.open(rs.getString(2), secretContext(tenant)))))
			.optional();
	}

	@Override
	public int resealWithCurrentKey(SecretBox box) {
		record Row(UUID tenant, String url, String secret) {
		}
		List<Row> rows = this.jdbc.sql("SELECT tenant_id, url_sealed, secret_sealed FROM notify_webhook")
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list();
		int resealed = 0;
		for (Row row : rows) {
			if (box.isSealedWithCurrentKey(row.url()) && box.isSealedWithCurrentKey(row.secret())) {
				continue;
			}
			TenantId tenant = new TenantId(row.tenant());
			// compare-and-set: a concurrent change of the webhook wins
			resealed += this.jdbc.sql("""
					UPDATE notify_webhook SET url_sealed = :url, secret_sealed = :secret
					WHERE tenant_id = :tenant AND url_sealed = :oldUrl AND secret_sealed = :oldSecret
					""")
				.param("url", box.seal(box.open(row.url(), urlContext(tenant)), urlContext(tenant)))
				.param("secret", box.seal(box.open(row.secret(), secretContext(tenant)), secretContext(tenant)))
				.param("tenant", row.tenant())
				.param("oldUrl", row.url())
				.param("oldSecret", row.secret())
				.update();
		}
		return resealed;
	}

	/**
	 * Checks a webhook URL and an optional secret without saving anything.
	 * @throws InvalidWebhook naming what is wrong
	 */
	public static void validate(String url, @Nullable String signingSecret) {
		check(url);
		if (signingSecret != null) {
			checkSecret(signingSecret);
		}
	}

	static URI check(String url) {
		URI uri;
		try {
			uri = new URI((url != null) ? url.strip() : "");
		}
		catch (URISyntaxException ex) {
			throw new InvalidWebhook("The webhook URL is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (host == null || !uri.isAbsolute()) {
			throw new InvalidWebhook("The webhook URL must be absolute, like https://hooks.example.com/strongroom");
		}
		boolean loopback = LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
		if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
			throw new InvalidWebhook("The webhook URL must start with https://");
		}
		if (uri.toString().length() > 2048) {
			throw new InvalidWebhook("The webhook URL must have at most 2048 characters");
		}
		return uri;
	}

	static String checkSecret(String secret) {
		if (secret.length() < 16 || secret.length() > 200) {
			throw new InvalidWebhook("The webhook secret must have between 16 and 200 characters; leave it out"
					+ " and Strongroom generates one");
		}
		if (!secret.chars().allMatch((c) -> c > 32 && c < 127)) {
			throw new InvalidWebhook("The webhook secret may hold only printable ASCII characters, no spaces");
		}
		return secret;
	}

	private static String urlContext(TenantId tenant) {
		return "notify.webhook.url:" + tenant;
	}

	private static String secretContext(TenantId tenant) {
		return "notify.webhook.secret:" + tenant;
	}

}
