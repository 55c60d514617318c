package io.strongroom.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.strongroom.secrets.MasterKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Under the {@code heroku} profile, refuses to start while a secret or a production
 * setting is missing or still a placeholder, naming every problem at once and never
 * printing a value. The embedded default (no profile) is not checked: it generates what
 * it needs.
 */
class HerokuProfileStartupCheck implements EnvironmentPostProcessor, Ordered {

	/** Shorter than this, a shared secret is not one Heroku's tools generate (32). */
	static final int MIN_SECRET_LENGTH = 16;

	private static final List<String> PLACEHOLDER_MARKERS = List.of("changeme", "change-me", "change_me", "placeholder",
			"replaceme", "replace-me", "replace_me", "your-", "your_", "example", "${");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("heroku"))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new UnsafeSettingsException(problems);
		}
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		checkSecret(problems, "HEROKU_ADDON_PASSWORD", environment.getProperty("strongroom.heroku.addon-password"),
				"the manifest's api.password");
		checkSecret(problems, "HEROKU_SSO_SALT", environment.getProperty("strongroom.heroku.sso-salt"),
				"the manifest's api.sso_salt");
		checkSecret(problems, "HEROKU_CLIENT_SECRET", environment.getProperty("strongroom.heroku.client-secret"),
				"the OAuth client secret from the Partner Portal");
		String masterKey = environment.getProperty("strongroom.secrets.master-key");
		if (isBlank(masterKey)) {
			problems.add("STRONGROOM_MASTER_KEY is missing (generate one with: openssl rand -base64 32)");
		}
		else if (isPlaceholder(masterKey)) {
			problems.add("STRONGROOM_MASTER_KEY is a placeholder, not a key (openssl rand -base64 32)");
		}
		else if (!MasterKeys.isWellFormed(masterKey)) {
			problems.add("STRONGROOM_MASTER_KEY is not 32 bytes in base64 (openssl rand -base64 32)");
		}
		checkBaseUrl(problems, environment);
		checkDatabase(problems, environment);
		return problems;
	}

	private static void checkSecret(List<String> problems, String name, @Nullable String value, String what) {
		if (isBlank(value)) {
			problems.add(name + " is missing (" + what + ")");
		}
		else if (isPlaceholder(value)) {
			problems.add(name + " is still a placeholder; set it to " + what);
		}
		else if (value.trim().length() < MIN_SECRET_LENGTH) {
			problems.add(name + " is too short (under " + MIN_SECRET_LENGTH + " characters); set it to " + what);
		}
	}

	private static void checkBaseUrl(List<String> problems, Environment environment) {
		String explicit = environment.getProperty("STRONGROOM_BASE_URL");
		String effective = environment.getProperty("strongroom.base-url");
		if (isBlank(explicit) && (isBlank(effective) || effective.contains("localhost"))) {
			problems.add("STRONGROOM_BASE_URL is missing (the public https:// address of this Strongroom)");
			return;
		}
		String value = isBlank(effective) ? explicit : effective;
		if (isPlaceholder(value)) {
			problems.add("STRONGROOM_BASE_URL is still a placeholder");
			return;
		}
		try {
			URI uri = URI.create(value.trim());
			if (!"https".equalsIgnoreCase(uri.getScheme()) || isBlank(uri.getHost())) {
				problems.add("STRONGROOM_BASE_URL must be an https:// URL with a host (Heroku only calls https)");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add("STRONGROOM_BASE_URL is not a URL");
		}
	}

	private static void checkDatabase(List<String> problems, Environment environment) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		String datasourceUrl = environment.getProperty("SPRING_DATASOURCE_URL");
		if (isBlank(databaseUrl) && isBlank(datasourceUrl)) {
			problems.add("DATABASE_URL is missing (the heroku profile never uses the embedded H2 database)");
		}
		else if (!isBlank(databaseUrl) && isPlaceholder(databaseUrl)) {
			problems.add("DATABASE_URL is still a placeholder");
		}
	}

	static boolean isPlaceholder(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		if (normalized.startsWith("<") && normalized.endsWith(">")) {
			return true;
		}
		return PLACEHOLDER_MARKERS.stream().anyMatch(normalized::contains);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	@Override
	public int getOrder() {
		// after the config data (and the profiles it activates) has been loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
