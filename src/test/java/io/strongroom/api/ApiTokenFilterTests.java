package io.strongroom.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenFilterTests {

	static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsBearerTokensAndTheBasicPasswordOrUserName() {
		assertThat(ApiTokenFilter.token("Bearer sr_abc")).isEqualTo("sr_abc");
		assertThat(ApiTokenFilter.token("bearer  sr_abc ")).isEqualTo("sr_abc");
		assertThat(ApiTokenFilter.token(basic(":sr_abc"))).as("curl -u :$TOKEN").isEqualTo("sr_abc");
		assertThat(ApiTokenFilter.token(basic("sr_abc:"))).as("curl -u $TOKEN:").isEqualTo("sr_abc");
		assertThat(ApiTokenFilter.token(basic("anyone:sr_abc"))).isEqualTo("sr_abc");
	}

	@Test
	void ignoresWhatIsNotAToken() {
		assertThat(ApiTokenFilter.token(null)).isNull();
		assertThat(ApiTokenFilter.token("Digest x")).isNull();
		assertThat(ApiTokenFilter.token("Basic !!!not-base64")).isNull();
	}

}
