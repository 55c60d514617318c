package io.strongroom.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.strongroom.runner.Secret;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTests {

	@Test
	void masksEverySecretWholeAndTheUrlsPasswordInBothForms() {
		SecretMasker masker = SecretMasker.of(List.of(new Secret("postgres://u:p%40ss-word@db/app"),
				new Secret("0123456789abcdef0123456789abcdef"), new Secret("tkt_abcdefgh")));
		assertThat(masker.mask("connecting to postgres://u:p%40ss-word@db/app")).isEqualTo("connecting to ****");
		assertThat(masker.mask("password p@ss-word rejected")).isEqualTo("password **** rejected");
		assertThat(masker.mask("raw p%40ss-word")).isEqualTo("raw ****");
		assertThat(masker.mask("key=0123456789abcdef0123456789abcdef ticket tkt_abcdefgh"))
			.isEqualTo("key=**** ticket ****");
		assertThat(masker.mask("nothing here")).isEqualTo("nothing here");
	}

	@Test
	void leavesVeryShortValuesAloneBecauseTheyWouldMaskOrdinaryText() {
		assertThat(SecretMasker.of(List.of(new Secret("ab"))).mask("abc")).isEqualTo("abc");
	}

}
