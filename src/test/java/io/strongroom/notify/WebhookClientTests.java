package io.strongroom.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.strongroom.runner.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The webhook call against WireMock, checked the way a customer's receiver checks it. */
class WebhookClientTests {

	static final Secret SECRET = new Secret("whsec_3Jx9TqzL1oWm8nK2");

	static final Instant NOW = Instant.parse("2026-11-22T03:00:41Z");

	WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

	WebhookClient client = new WebhookClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
			"Strongroom-Webhook/1", Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void start() {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	WebhookEndpoint endpoint() {
		return new WebhookEndpoint(URI.create(this.server.baseUrl() + "/hooks/T000/B000/XXXX"), SECRET);
	}

	@Test
	void postsSignedJsonThatAReceiverCanVerify() throws Exception {
		this.server.stubFor(post("/hooks/T000/B000/XXXX").willReturn(aResponse().withStatus(200).withBody("ok")));
		String json = "{\"id\":\"d-1\",\"type\":\"first_failure\",\"text\":\"*Backup failed* «café»\"}";

		this.client.post(endpoint(), "d-1", "first_failure", json);

		LoggedRequest request = this.server.findAll(postRequestedFor(urlEqualTo("/hooks/T000/B000/XXXX"))).get(0);
		assertThat(request.getBody()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeader("Strongroom-Delivery")).isEqualTo("d-1");
		assertThat(request.getHeader("Strongroom-Event")).isEqualTo("first_failure");
		assertThat(request.getHeader("User-Agent")).isEqualTo("Strongroom-Webhook/1");
		assertThat(verify(request.getHeader("Strongroom-Signature"), request.getBody(), SECRET.value(), NOW)).isTrue();
		assertThat(verify(request.getHeader("Strongroom-Signature"), request.getBody(), "wrong", NOW)).isFalse();
		assertThat(verify(request.getHeader("Strongroom-Signature"), "{}".getBytes(StandardCharsets.UTF_8),
				SECRET.value(), NOW))
			.isFalse();
		assertThat(verify(request.getHeader("Strongroom-Signature"), request.getBody(), SECRET.value(),
				NOW.plus(Duration.ofMinutes(10))))
			.as("a replay after five minutes is refused")
			.isFalse();
	}

	@Test
	void serverErrorsAndRateLimitsAreRetriedOtherClientErrorsAreNot() {
		this.server.stubFor(post("/hooks/T000/B000/XXXX").willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(DeliveryFailure.class)
			.isThrownBy(() -> this.client.post(endpoint(), "d-2", "recovered", "{}"))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.withMessage("webhook at localhost answered 503")
			.withMessageNotContaining("XXXX");
		this.server.stubFor(post("/hooks/T000/B000/XXXX").willReturn(aResponse().withStatus(429)));
		assertThatExceptionOfType(DeliveryFailure.class)
			.isThrownBy(() -> this.client.post(endpoint(), "d-2", "recovered", "{}"))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
		this.server.stubFor(post("/hooks/T000/B000/XXXX").willReturn(aResponse().withStatus(410)));
		assertThatExceptionOfType(DeliveryFailure.class)
			.isThrownBy(() -> this.client.post(endpoint(), "d-2", "recovered", "{}"))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
	}

	@Test
	void anEndpointNeverPrintsItsUrlOrSecret() {
		assertThat(endpoint().toString()).isEqualTo("WebhookEndpoint[localhost]");
	}

	/** What docs/notifications.md tells customers to do, written independently. */
	static boolean verify(String header, byte[] body, String secret, Instant now) throws Exception {
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				timestamp = part.substring(2);
			}
			else if (part.startsWith("v1=")) {
				signature = part.substring(3);
			}
		}
		if (timestamp == null || signature == null
				|| Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		byte[] expected = mac.doFinal(body);
		return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
	}

}
