package io.strongroom.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Heroku's {@code DATABASE_URL} ({@code postgres://user:pass@host:port/db}) into
 * Spring's datasource settings, so an operator sets one variable, as on every Heroku app.
 * Without it Strongroom keeps the embedded H2 default. An explicit
 * {@code SPRING_DATASOURCE_URL} still wins.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "strongroomDatabaseUrl";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (databaseUrl == null || databaseUrl.isBlank() || environment.containsProperty("SPRING_DATASOURCE_URL")) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE_NAME, datasourceProperties(databaseUrl)));
	}

	static Map<String, Object> datasourceProperties(String databaseUrl) {
		URI uri;
		try {
			uri = URI.create(databaseUrl.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"DATABASE_URL is not a URL of the form postgres://user:password@host:port/database");
		}
		String scheme = uri.getScheme();
		if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
			throw new IllegalStateException(
					"DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:port/database), not " + scheme
							+ "://");
		}
		if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new IllegalStateException(
					"DATABASE_URL needs a host and a database name: postgres://user:password@host:port/database");
		}
		Map<String, Object> properties = new HashMap<>();
		int port = (uri.getPort() > 0) ? uri.getPort() : 5432;
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		properties.put("spring.datasource.url",
				"jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			properties.put("spring.datasource.username", decode((colon < 0) ? userInfo : userInfo.substring(0, colon)));
			properties.put("spring.datasource.password", (colon < 0) ? "" : decode(userInfo.substring(colon + 1)));
		}
		properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
		return properties;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
