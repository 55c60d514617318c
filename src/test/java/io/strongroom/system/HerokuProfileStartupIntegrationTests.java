package io.strongroom.system;

import io.strongroom.StrongroomApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The real application under the {@code heroku} profile refuses to start before it
 * touches a database, and Boot's failure report names the settings without their values.
 */
@ExtendWith(OutputCaptureExtension.class)
class HerokuProfileStartupIntegrationTests {

	@Test
	void refusesToStartWithPlaceholdersAndNamesThem(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StrongroomApplication.class);
		assertThatExceptionOfType(UnsafeSettingsException.class)
			.isThrownBy(() -> application.run("--spring.profiles.active=heroku",
					"--strongroom.heroku.addon-password=CHANGEME-password-from-the-partner-portal",
					"--strongroom.heroku.sso-salt=" + HerokuProfileStartupCheckTests.SALT,
					"--strongroom.secrets.master-key=" + HerokuProfileStartupCheckTests.MASTER_KEY,
					"--spring.main.web-application-type=none"))
			.withMessageContaining("HEROKU_ADDON_PASSWORD is still a placeholder")
			.withMessageContaining("HEROKU_CLIENT_SECRET is missing")
			.withMessageContaining("STRONGROOM_BASE_URL is missing")
			.withMessageContaining("DATABASE_URL is missing")
			.withMessageNotContaining("HEROKU_SSO_SALT")
			.withMessageNotContaining("STRONGROOM_MASTER_KEY");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("HEROKU_ADDON_PASSWORD is still a placeholder")
			.doesNotContain("CHANGEME-password-from-the-partner-portal")
			.doesNotContain(HerokuProfileStartupCheckTests.SALT)
			.doesNotContain(HerokuProfileStartupCheckTests.MASTER_KEY);
	}

}
