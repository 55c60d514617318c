package io.strongroom.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class HerokuProfileStartupCheckTests {

	static final String PASSWORD = "f3a9c1d27e8b4a6f9d0c2b7e5a1f3c8d";

	static final String SALT = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";

	static final String CLIENT_SECRET = "01234567-89ab-cdef-0123-456789abcdef";

	static final String MASTER_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8w=";

	private final HerokuProfileStartupCheck check = new HerokuProfileStartupCheck();

	@Test
	void startsWhenEverySettingIsReal() {
		MockEnvironment environment = complete();
		assertThat(HerokuProfileStartupCheck.problems(environment)).isEmpty();
		assertThatNoException()
			.isThrownBy(() -> this.check.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void namesEveryMissingSettingAtOnce() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("heroku");
		environment.setProperty("strongroom.base-url", "http://localhost:8080");
		assertThatExceptionOfType(UnsafeSettingsException.class)
			.isThrownBy(() -> this.check.postProcessEnvironment(environment, new SpringApplication()))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(6))
			.withMessageContaining("HEROKU_ADDON_PASSWORD is missing")
			.withMessageContaining("HEROKU_SSO_SALT is missing")
			.withMessageContaining("HEROKU_CLIENT_SECRET is missing")
			.withMessageContaining("STRONGROOM_MASTER_KEY is missing")
			.withMessageContaining("STRONGROOM_BASE_URL is missing")
			.withMessageContaining("DATABASE_URL is missing");
	}

	@Test
	void refusesTheManifestPlaceholdersAndNeverPrintsAValue() throws Exception {
		JsonNode api = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("addon-manifest.json")))
			.get("api");
		String password = api.get("password").asString();
		String salt = api.get("sso_salt").asString();
		MockEnvironment environment = complete();
		environment.setProperty("strongroom.heroku.addon-password", password);
		environment.setProperty("strongroom.heroku.sso-salt", salt);
		environment.setProperty("strongroom.heroku.client-secret", "CHANGEME");
		environment.setProperty("strongroom.secrets.master-key", "<your master key>");
		List<String> problems = HerokuProfileStartupCheck.problems(environment);
		assertThat(problems).containsExactly(
				"HEROKU_ADDON_PASSWORD is still a placeholder; set it to the manifest's api.password",
				"HEROKU_SSO_SALT is still a placeholder; set it to the manifest's api.sso_salt",
				"HEROKU_CLIENT_SECRET is still a placeholder; set it to the OAuth client secret from the Partner Portal",
				"STRONGROOM_MASTER_KEY is a placeholder, not a key (openssl rand -base64 32)");
		assertThat(String.join(" ", problems)).doesNotContain(password, salt, "<your master key>");
	}

	@Test
	void refusesShortSecretsAndMalformedKeysWithoutPrintingThem() {
		MockEnvironment environment = complete();
		environment.setProperty("strongroom.heroku.addon-password", "hunter2");
		environment.setProperty("strongroom.secrets.master-key", "c2hvcnQta2V5");
		List<String> problems = HerokuProfileStartupCheck.problems(environment);
		assertThat(problems).containsExactly(
				"HEROKU_ADDON_PASSWORD is too short (under 16 characters); set it to the manifest's api.password",
				"STRONGROOM_MASTER_KEY is not 32 bytes in base64 (openssl rand -base64 32)");
		assertThat(String.join(" ", problems)).doesNotContain("hunter2", "c2hvcnQta2V5");
	}

	@Test
	void requiresAnHttpsBaseUrl() {
		MockEnvironment environment = complete();
		environment.setProperty("STRONGROOM_BASE_URL", "http://strongroom.io");
		environment.setProperty("strongroom.base-url", "http://strongroom.io");
		assertThat(HerokuProfileStartupCheck.problems(environment))
			.containsExactly("STRONGROOM_BASE_URL must be an https:// URL with a host (Heroku only calls https)");
	}

	@Test
	void acceptsAnExplicitSpringDatasourceInsteadOfDatabaseUrl() {
		MockEnvironment environment = complete();
		MockEnvironment withoutDatabaseUrl = new MockEnvironment();
		withoutDatabaseUrl.setActiveProfiles("heroku");
		for (String name : new String[] { "strongroom.heroku.addon-password", "strongroom.heroku.sso-salt",
				"strongroom.heroku.client-secret", "strongroom.secrets.master-key", "STRONGROOM_BASE_URL",
				"strongroom.base-url" }) {
			withoutDatabaseUrl.setProperty(name, environment.getProperty(name));
		}
		assertThat(HerokuProfileStartupCheck.problems(withoutDatabaseUrl))
			.containsExactly("DATABASE_URL is missing (the heroku profile never uses the embedded H2 database)");
		withoutDatabaseUrl.setProperty("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/strongroom");
		assertThat(HerokuProfileStartupCheck.problems(withoutDatabaseUrl)).isEmpty();
	}

	@Test
	void leavesTheEmbeddedDefaultAlone() {
		MockEnvironment environment = new MockEnvironment();
		assertThatNoException()
			.isThrownBy(() -> this.check.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void recognisesPlaceholders() {
		assertThat(HerokuProfileStartupCheck.isPlaceholder("CHANGEME-addon-password")).isTrue();
		assertThat(HerokuProfileStartupCheck.isPlaceholder("<sso salt>")).isTrue();
		assertThat(HerokuProfileStartupCheck.isPlaceholder("${HEROKU_SSO_SALT}")).isTrue();
		assertThat(HerokuProfileStartupCheck.isPlaceholder("https://strongroom.example.com")).isTrue();
		assertThat(HerokuProfileStartupCheck.isPlaceholder(PASSWORD)).isFalse();
		assertThat(HerokuProfileStartupCheck.isPlaceholder(CLIENT_SECRET)).isFalse();
	}

	static MockEnvironment complete() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("heroku");
		environment.setProperty("strongroom.heroku.addon-password", PASSWORD);
		environment.setProperty("strongroom.heroku.sso-salt", SALT);
		environment.setProperty("strongroom.heroku.client-secret", CLIENT_SECRET);
		environment.setProperty("strongroom.secrets.master-key", MASTER_KEY);
		environment.setProperty("STRONGROOM_BASE_URL", "https://strongroom.io");
		environment.setProperty("strongroom.base-url", "https://strongroom.io");
		environment.setProperty("DATABASE_URL", "postgres://u:p@db.internal:5432/strongroom");
		return environment;
	}

}
