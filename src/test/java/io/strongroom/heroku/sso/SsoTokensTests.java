package io.strongroom.heroku.sso;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.strongroom.heroku.sso.SsoTokens.Verdict;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SsoTokensTests {

	static final String SALT = "2f97bfa52ca102f8874716e2eb1d3b4920ad0be4";

	static final String RESOURCE = "01234567-89ab-cdef-0123-456789abcdef";

	static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

	@Test
	void legacyVectorOfTheHerokuDocumentation() {
		// heroku-addon.md §3.3: the 2013 SSO doc's worked example
		assertThat(SsoTokens.resourceToken("123", SALT, "1267597772"))
			.isEqualTo("bb466eb1d6bc345d11072c3cd25c311f21be130d");
	}

	@Test
	void userScopedTokenIsHexSha256OfAllFiveFields() {
		// Independently computed: printf '%s' 'id:salt:ts:user:email' | sha256sum
		assertThat(SsoTokens.userScopedResourceToken("123", SALT, "1267597772", "u-1", "a@b.c"))
			.isEqualTo("7cf3f5a0a9c05c51dd5bed651b93f7a85fc248a6b47b817a73274edde991483d");
	}

	@Test
	void hexKeepsLeadingZeros() {
		// sha1sum: this input's digest starts with a zero nibble, which BigInteger hex
		// drops
		assertThat(SsoTokens.resourceToken("123", SALT, "1267597774"))
			.isEqualTo("0c2b546b84312b371a053969d83ad33f82bc2588");
	}

	@Test
	void acceptsAValidResourceToken() {
		SsoRequest request = request(NOW.getEpochSecond(), sha1(NOW.getEpochSecond()), null);
		assertThat(SsoTokens.check(request, SALT, NOW)).isEqualTo(Verdict.VALID);
	}

	@Test
	void acceptsAValidUserScopedToken() {
		SsoRequest request = request(NOW.getEpochSecond(), null, sha256(NOW.getEpochSecond()));
		assertThat(SsoTokens.check(request, SALT, NOW)).isEqualTo(Verdict.VALID);
	}

	@Test
	void acceptsUppercaseHex() {
		SsoRequest request = request(NOW.getEpochSecond(), sha1(NOW.getEpochSecond()).toUpperCase(), null);
		assertThat(SsoTokens.check(request, SALT, NOW)).isEqualTo(Verdict.VALID);
	}

	@Test
	void prefersTheUserScopedTokenAndNeverFallsBackFromAWrongOne() {
		long ts = NOW.getEpochSecond();
		String wrongUserScoped = "0".repeat(64);
		SsoRequest request = request(ts, sha1(ts), wrongUserScoped);
		assertThat(SsoTokens.check(request, SALT, NOW)).isEqualTo(Verdict.TOKEN_MISMATCH);
	}

	@Test
	void userScopedTokenIsBoundToTheUser() {
		long ts = NOW.getEpochSecond();
		String forSomeoneElse = SsoTokens.userScopedResourceToken(RESOURCE, SALT, Long.toString(ts), "other-user",
				"user@example.com");
		assertThat(SsoTokens.check(request(ts, null, forSomeoneElse), SALT, NOW)).isEqualTo(Verdict.TOKEN_MISMATCH);
	}

	@Test
	void refusesATokenMadeWithAnotherSalt() {
		long ts = NOW.getEpochSecond();
		String token = SsoTokens.resourceToken(RESOURCE, "another-salt", Long.toString(ts));
		assertThat(SsoTokens.check(request(ts, token, null), SALT, NOW)).isEqualTo(Verdict.TOKEN_MISMATCH);
	}

	@Test
	void refusesATokenForAnotherResource() {
		long ts = NOW.getEpochSecond();
		String token = SsoTokens.resourceToken("11111111-89ab-cdef-0123-456789abcdef", SALT, Long.toString(ts));
		assertThat(SsoTokens.check(request(ts, token, null), SALT, NOW)).isEqualTo(Verdict.TOKEN_MISMATCH);
	}

	@Test
	void acceptsTheEdgesOfTheFiveMinuteWindow() {
		long old = NOW.getEpochSecond() - 300;
		long future = NOW.getEpochSecond() + 300;
		assertThat(SsoTokens.check(request(old, sha1(old), null), SALT, NOW)).isEqualTo(Verdict.VALID);
		assertThat(SsoTokens.check(request(future, sha1(future), null), SALT, NOW)).isEqualTo(Verdict.VALID);
	}

	@Test
	void refusesASixMinuteOldTimestamp() {
		long ts = NOW.getEpochSecond() - 360;
		assertThat(SsoTokens.check(request(ts, sha1(ts), null), SALT, NOW)).isEqualTo(Verdict.TIMESTAMP_TOO_OLD);
		assertThat(SsoTokens.check(request(ts, null, sha256(ts)), SALT, NOW)).isEqualTo(Verdict.TIMESTAMP_TOO_OLD);
	}

	@Test
	void refusesASixMinuteFutureTimestamp() {
		long ts = NOW.getEpochSecond() + 360;
		assertThat(SsoTokens.check(request(ts, sha1(ts), null), SALT, NOW)).isEqualTo(Verdict.TIMESTAMP_IN_FUTURE);
	}

	@Test
	void refusesOneSecondPastTheWindow() {
		long ts = NOW.getEpochSecond() - 301;
		assertThat(SsoTokens.check(request(ts, sha1(ts), null), SALT, NOW)).isEqualTo(Verdict.TIMESTAMP_TOO_OLD);
	}

	@Test
	void aWrongTokenIsAMismatchWhateverTheTime() {
		long ts = NOW.getEpochSecond() - 3600;
		assertThat(SsoTokens.check(request(ts, "f".repeat(40), null), SALT, NOW)).isEqualTo(Verdict.TOKEN_MISMATCH);
	}

	@Test
	void refusesToCheckWithABlankSalt() {
		long ts = NOW.getEpochSecond();
		assertThatIllegalArgumentException().isThrownBy(() -> SsoTokens.check(request(ts, sha1(ts), null), " ", NOW));
	}

	@Test
	void constantTimeComparisonNeedsEqualLengthAndBytes() {
		assertThat(SsoTokens.constantTimeEquals("abc", "abc")).isTrue();
		assertThat(SsoTokens.constantTimeEquals("abc", "ABC")).isTrue();
		assertThat(SsoTokens.constantTimeEquals("abc", "abd")).isFalse();
		assertThat(SsoTokens.constantTimeEquals("abc", "ab")).isFalse();
		assertThat(SsoTokens.constantTimeEquals("abc", "")).isFalse();
	}

	static String sha1(long ts) {
		return SsoTokens.resourceToken(RESOURCE, SALT, Long.toString(ts));
	}

	static String sha256(long ts) {
		return SsoTokens.userScopedResourceToken(RESOURCE, SALT, Long.toString(ts), "user-1", "user@example.com");
	}

	static SsoRequest request(long ts, @Nullable String resourceToken, @Nullable String userScoped) {
		Map<String, String[]> form = new HashMap<>();
		form.put("resource_id", new String[] { RESOURCE });
		form.put("timestamp", new String[] { Long.toString(ts) });
		form.put("user_id", new String[] { "user-1" });
		form.put("email", new String[] { "user@example.com" });
		if (resourceToken != null) {
			form.put("resource_token", new String[] { resourceToken });
		}
		if (userScoped != null) {
			form.put("user_scoped_resource_token", new String[] { userScoped });
		}
		return SsoRequest.parse(form::get);
	}

}
