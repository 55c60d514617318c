package io.strongroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.strongroom.heroku.sso.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a newcomer gets it: no profile, no settings, an H2 file
 * database (here in a temporary folder instead of {@code ./data}), generated Heroku
 * secrets. It starts, reports healthy, and {@code /dev} provisions and signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Its own H2 file database: close it when done rather than at the end of the run.
@DirtiesContext
class EmbeddedDefaultIntegrationTests {

	static final Path DATA = temporaryDataFolder();

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void embedded(DynamicPropertyRegistry registry) {
		// The same URL as application.properties, only in another folder.
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("strongroom")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
		registry.add("strongroom.secrets.key-file", () -> DATA.resolve("master.key").toString());
	}

	@Test
	void startsHealthyOnH2() throws Exception {
		HttpResponse<String> health = new Browser(this.port).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(DATA.resolve("strongroom.mv.db")).exists();
	}

	@Test
	void devPageProvisionsAndSignsInWithGeneratedSecrets() throws Exception {
		Browser browser = new Browser(this.port);
		HttpResponse<String> dev = browser.get("/dev");
		assertThat(dev.statusCode()).isEqualTo(200);
		HttpResponse<String> provisioned = browser.postForm("/dev/provision",
				Map.of("plan", "test", "_csrf", Browser.csrf(dev.body())));
		assertThat(provisioned.statusCode()).isEqualTo(200);
		assertThat(provisioned.body()).contains("STRONGROOM_API_TOKEN");
		String resourceId = hidden(provisioned.body()).get("resource_id");

		HttpResponse<String> interstitial = browser.postForm("/dev/open",
				Map.of("resource_id", resourceId, "as", "owner", "_csrf", Browser.csrf(provisioned.body())));
		assertThat(browser.postForm("/sso/login", hidden(interstitial.body())).statusCode()).isEqualTo(303);
		HttpResponse<String> home = browser.get("/dashboard");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("strongroom-sample-").contains("No database configured yet.");
	}

	static Map<String, String> hidden(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = HIDDEN.matcher(html);
		while (matcher.find()) {
			if (!matcher.group(1).equals("_csrf")) {
				fields.putIfAbsent(matcher.group(1), matcher.group(2));
			}
		}
		return fields;
	}

	private static Path temporaryDataFolder() {
		try {
			Path folder = Files.createTempDirectory("strongroom-embedded-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + folder + ": " + ex.getMessage());
		}
	}

}
