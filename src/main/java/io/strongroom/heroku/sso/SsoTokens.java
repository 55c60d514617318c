package io.strongroom.heroku.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Heroku's single sign-on tokens ({@code heroku-addon.md} §3.3) and the check of a posted
 * sign-in against them. Pure: no I/O, the salt and the clock's reading are passed in.
 * <p>
 * The user-scoped token (SHA-256, bound to the requesting user) is preferred when Heroku
 * sends it; only without it does the resource token (SHA-1) count. A user-scoped token
 * that is present but wrong is never rescued by a right resource token, or the binding to
 * the user would mean nothing.
 */
public final class SsoTokens {

	/** Heroku's window, both directions: kensa posts 6-minute-old timestamps. */
	public static final Duration WINDOW = Duration.ofMinutes(5);

	private SsoTokens() {
	}

	/** Why a sign-in was accepted or refused. */
	enum Verdict {

		VALID, TOKEN_MISMATCH, TIMESTAMP_TOO_OLD, TIMESTAMP_IN_FUTURE

	}

	/**
	 * {@code resource_token}: lowercase hex SHA-1 of {@code id:salt:timestamp}. Also the
	 * legacy v1 {@code token} when {@code id} is the provider id.
	 */
	public static String resourceToken(String resourceId, String salt, String timestamp) {
		return hex("SHA-1", resourceId + ":" + salt + ":" + timestamp);
	}

	/**
	 * {@code user_scoped_resource_token}: lowercase hex SHA-256 of
	 * {@code id:salt:timestamp:user_id:email}.
	 */
	public static String userScopedResourceToken(String resourceId, String salt, String timestamp, String userId,
			String email) {
		return hex("SHA-256", resourceId + ":" + salt + ":" + timestamp + ":" + userId + ":" + email);
	}

	/**
	 * Checks a sign-in posted at {@code now}.
	 * @param request the posted fields, already checked for shape by {@link SsoRequest}
	 * @param salt the manifest's {@code sso_salt}; never blank
	 * @param now the current time
	 * @return {@link Verdict#VALID} only when the timestamp lies within {@link #WINDOW}
	 * of {@code now} and the preferred token matches
	 */
	static Verdict check(SsoRequest request, String salt, Instant now) {
		if (salt.isBlank()) {
			throw new IllegalArgumentException("The SSO salt is blank");
		}
		String expected;
		String presented;
		if (request.userScopedResourceToken() != null) {
			expected = userScopedResourceToken(request.resourceId(), salt, request.timestamp(), request.userId(),
					request.email());
			presented = request.userScopedResourceToken();
		}
		else {
			expected = resourceToken(request.resourceId(), salt, request.timestamp());
			presented = request.resourceToken();
		}
		// Compare the token before looking at the clock, and always compare, so the
		// answer's
		// timing says nothing about which check failed.
		boolean tokenMatches = constantTimeEquals(expected, (presented != null) ? presented : "");
		long skew = request.epochSecond() - now.getEpochSecond();
		if (!tokenMatches) {
			return Verdict.TOKEN_MISMATCH;
		}
		if (skew < -WINDOW.toSeconds()) {
			return Verdict.TIMESTAMP_TOO_OLD;
		}
		if (skew > WINDOW.toSeconds()) {
			return Verdict.TIMESTAMP_IN_FUTURE;
		}
		return Verdict.VALID;
	}

	/**
	 * Both sides are hex digests: compare their bytes with {@link MessageDigest#isEqual},
	 * whose time depends only on the length, which is public.
	 */
	static boolean constantTimeEquals(String expectedHex, String presentedHex) {
		byte[] expected = expectedHex.getBytes(StandardCharsets.US_ASCII);
		byte[] presented = presentedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, presented);
	}

	private static String hex(String algorithm, String input) {
		try {
			// HexFormat keeps leading zeros; BigInteger.toString(16) would drop them.
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is missing from this JVM", ex);
		}
	}

}
