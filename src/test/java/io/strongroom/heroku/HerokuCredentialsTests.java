package io.strongroom.heroku;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HerokuCredentialsTests {

	@Test
	void matchesOnlyTheExactIdAndPassword() {
		HerokuCredentials credentials = HerokuCredentials.from("strongroom", "correct-horse-battery",
				"salt-salt-salt-salt", false, new SecureRandom());
		assertThat(credentials.matchesAddon("strongroom", "correct-horse-battery")).isTrue();
		assertThat(credentials.matchesAddon("strongroom", "correct-horse-batterY")).isFalse();
		assertThat(credentials.matchesAddon("strongroom", "correct-horse-battery ")).isFalse();
		assertThat(credentials.matchesAddon("strongroom", "")).isFalse();
		assertThat(credentials.matchesAddon("strongroom", null)).isFalse();
		assertThat(credentials.matchesAddon("other", "correct-horse-battery")).isFalse();
		assertThat(credentials.matchesAddon(null, "correct-horse-battery")).isFalse();
		assertThat(credentials.generated()).isFalse();
	}

	@Test
	void generatesBlankSecretsInTheEmbeddedDefault() {
		HerokuCredentials first = HerokuCredentials.from("strongroom", "", null, true, new SecureRandom());
		HerokuCredentials second = HerokuCredentials.from("strongroom", " ", "", true, new SecureRandom());
		assertThat(first.generated()).isTrue();
		assertThat(first.addonPassword()).matches("[0-9a-f]{32}").isNotEqualTo(second.addonPassword());
		assertThat(first.ssoSalt()).matches("[0-9a-f]{32}").isNotEqualTo(first.addonPassword());
		assertThat(first.matchesAddon("strongroom", first.addonPassword())).isTrue();
	}

	@Test
	void keepsConfiguredSecretsWhenOnlyOneIsGenerated() {
		HerokuCredentials credentials = HerokuCredentials.from("strongroom", "configured-password-1", "", true,
				new SecureRandom());
		assertThat(credentials.addonPassword()).isEqualTo("configured-password-1");
		assertThat(credentials.ssoSalt()).matches("[0-9a-f]{32}");
	}

	@Test
	void neverGeneratesUnderTheHerokuProfile() {
		assertThatIllegalStateException()
			.isThrownBy(() -> HerokuCredentials.from("strongroom", "", "salt", false, new SecureRandom()))
			.withMessage("HEROKU_ADDON_PASSWORD is missing");
	}

	@Test
	void neverPrintsItsSecrets() {
		HerokuCredentials credentials = HerokuCredentials.from("strongroom", "correct-horse-battery",
				"salt-salt-salt-salt", false, new SecureRandom());
		assertThat(credentials.toString()).doesNotContain("correct-horse-battery", "salt-salt-salt-salt");
	}

}
