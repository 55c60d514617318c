package io.strongroom.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * REST API tokens ({@code STRONGROOM_API_TOKEN}). A token is shown once, in the provision
 * answer (or the config vars set through the Platform API); Strongroom keeps only
 * {@link #hash(String)} in {@code tenant.api_token_hash}, so the REST API authenticates a
 * caller with {@code TenantRepository.findByApiTokenHash(ApiTokens.hash(presented))}.
 */
public final class ApiTokens {

	/** Lets secret scanners and people recognise a leaked token. */
	public static final String PREFIX = "sr_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiTokens() {
	}

	/** A new token: {@link #PREFIX} and 32 random bytes, base64url without padding. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Lowercase hex SHA-256 of the token's UTF-8 bytes, as stored in the tenant. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
