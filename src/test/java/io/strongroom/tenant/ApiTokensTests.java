package io.strongroom.tenant;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensTests {

	@Test
	void tokensAreUrlSafeRandomAndCarry32Bytes() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String token = ApiTokens.generate();
			assertThat(token).matches("sr_[A-Za-z0-9_-]{43}");
			tokens.add(token);
		}
		assertThat(tokens).hasSize(100);
	}

	@Test
	void hashIsLowercaseHexSha256() {
		// sha256("abc"), FIPS 180-2 appendix B.1
		assertThat(ApiTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
