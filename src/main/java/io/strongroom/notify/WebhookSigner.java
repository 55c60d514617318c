package io.strongroom.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.strongroom.runner.Secret;

/**
 * The {@code Strongroom-Signature} header: {@code t=<unix seconds>,v1=<hex>} where hex is
 * HMAC-SHA256 with the endpoint's secret over {@code "<t>.<raw body>"}. Signing the
 * timestamp with the body lets a receiver refuse replays of old deliveries
 * (docs/notifications.md shows how to check it).
 */
final class WebhookSigner {

	static final String HEADER = "Strongroom-Signature";

	private WebhookSigner() {
	}

	static String header(Secret secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp, body);
	}

	static String hmac(Secret secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
