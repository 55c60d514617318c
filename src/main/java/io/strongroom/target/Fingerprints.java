package io.strongroom.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.strongroom.runner.Secret;

/**
 * A short, stable name for a secret that lets a person tell keys apart without revealing
 * them: the first 16 hex digits of its SHA-256. A customer checks theirs with
 * {@code printf %s "$STRONGROOM_ENCRYPTION_KEY" | sha256sum | cut -c1-16}.
 */
final class Fingerprints {

	private Fingerprints() {
	}

	static String of(Secret secret) {
		return sha256Hex(secret.value()).substring(0, 16);
	}

	static String sha256Hex(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** Shows the last four characters of an access key id, as AWS's console does. */
	static String maskAccessKeyId(String accessKeyId) {
		if (accessKeyId.length() <= 8) {
			return "****";
		}
		return "*".repeat(accessKeyId.length() - 4) + accessKeyId.substring(accessKeyId.length() - 4);
	}

}
