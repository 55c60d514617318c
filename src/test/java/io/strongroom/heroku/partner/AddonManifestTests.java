package io.strongroom.heroku.partner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.strongroom.target.HerokuConfigVarNames;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code addon-manifest.json} checked the way kensa's {@code ManifestCheck} did
 * (heroku-addon.md §6, first row), and against what the code accepts and returns.
 */
class AddonManifestTests {

	private final JsonNode manifest = JsonMapper.builder().build().readTree(read(Path.of("addon-manifest.json")));

	private final JsonNode api = this.manifest.path("api");

	@Test
	void passesKensasManifestCheck() {
		assertThat(this.manifest.path("id").isString()).isTrue();
		assertThat(this.manifest.path("id").asString()).isNotEmpty().matches("[a-z][a-z0-9-]*");
		assertThat(this.manifest.path("name").asString()).isNotBlank();
		assertThat(this.api.isObject()).isTrue();
		assertThat(this.api.has("username")).as("kensa rejects the deprecated api.username").isFalse();
		assertThat(this.api.path("password").asString()).isNotEmpty();
		assertThat(this.api.path("sso_salt").asString()).isNotEmpty();
		assertThat(this.api.path("regions").isArray()).isTrue();
		assertThat(strings(this.api.path("regions"))).isNotEmpty().containsAnyOf("us", "*");
		assertThat(this.api.path("version").asString()).isEqualTo("3");
		assertThat(https(this.api.path("production").path("base_url").asString())).isTrue();
		assertThat(https(this.api.path("production").path("sso_url").asString())).isTrue();
		assertThat(this.api.path("production").path("base_url").asString()).endsWith("/heroku/resources");
		String prefix = this.api.path("config_vars_prefix")
			.asString(this.manifest.path("id").asString().toUpperCase().replace('-', '_'));
		for (String name : strings(this.api.path("config_vars"))) {
			assertThat(name).matches("^[A-Z][0-9A-Z_]+$").startsWith(prefix + "_");
		}
	}

	@Test
	void carriesPlaceholdersNeverSecrets() {
		assertThat(this.api.path("password").asString()).startsWith("CHANGEME");
		assertThat(this.api.path("sso_salt").asString()).startsWith("CHANGEME");
	}

	@Test
	void declaresEveryConfigVarTheCodeWritesAndNoOther() {
		List<String> written = new ArrayList<>(List.of(Provisioning.URL_VAR, Provisioning.TOKEN_VAR));
		written.addAll(HerokuConfigVarNames.written());
		assertThat(strings(this.api.path("config_vars"))).containsExactlyInAnyOrderElementsOf(written)
			.doesNotHaveDuplicates();
		assertThat(this.api.path("config_vars_prefix").asString()).isEqualTo(HerokuConfigVarNames.PREFIX);
		assertThat(strings(this.api.path("config_vars"))).contains("STRONGROOM_DATABASE_URL",
				"STRONGROOM_PURPLE_DATABASE_URL", "STRONGROOM_VERIFY_DATABASE_URL", "STRONGROOM_ENCRYPTION_KEY",
				"STRONGROOM_AWS_ACCESS_KEY_ID", "STRONGROOM_AWS_SECRET_ACCESS_KEY");
	}

	@Test
	void docsListTheLabelsHerokuModeAccepts() {
		String docs = read(Path.of("docs/heroku.md")).replaceAll("\\s+", " ");
		List<String> colours = HerokuConfigVarNames.LABELS.subList(1, HerokuConfigVarNames.LABELS.size());
		assertThat(docs).contains(String.join(", ", colours.stream().map((label) -> "`" + label + "`").toList()));
	}

	@Test
	void declaresWhatTheCodeReturnsAndNeeds() {
		assertThat(strings(this.api.path("config_vars"))).contains(Provisioning.URL_VAR, Provisioning.TOKEN_VAR);
		assertThat(strings(this.api.path("requires"))).containsExactly("log_input");
		assertThat(new HashSet<>(strings(this.api.path("regions")))).isEqualTo(Regions.MANIFEST);
		for (String region : Regions.MANIFEST) {
			assertThat(Regions.supports(region)).isTrue();
		}
		assertThat(Regions.supports("amazon-web-services::us-east-1")).isTrue();
		assertThat(Regions.supports("amazon-web-services::eu-west-1")).isTrue();
		assertThat(Regions.supports("amazon-web-services::ap-southeast-2")).isFalse();
	}

	@Test
	void manifestIdIsTheDefaultBasicAuthUser() {
		String properties = read(Path.of("src/main/resources/application.properties"));
		assertThat(properties)
			.contains("strongroom.heroku.addon-id=${HEROKU_ADDON_ID:" + this.manifest.path("id").asString() + "}");
	}

	private static boolean https(String url) {
		URI uri = URI.create(url);
		return "https".equals(uri.getScheme()) && uri.getHost() != null;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
