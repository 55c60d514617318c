package io.strongroom.heroku.dev;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import io.strongroom.heroku.sso.Browser;
import io.strongroom.support.TestDatabases;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the {@code heroku} profile the {@code /dev} page does not exist at all: no bean,
 * no route, no hint on other pages. Single sign-on works as everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.heroku.addon-password=" + HerokuProfileDevPageIntegrationTests.PASSWORD,
				"strongroom.heroku.sso-salt=" + HerokuProfileDevPageIntegrationTests.SALT,
				"strongroom.heroku.client-secret=9f8e7d6c5b4a39281706f5e4d3c2b1a0",
				"strongroom.secrets.master-key=q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8w=",
				"STRONGROOM_BASE_URL=https://strongroom.test",
				// Satisfies the start-up check; TestDatabases points the datasource at a
				// fresh database.
				"DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres",
				"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=1" })
@ActiveProfiles("heroku")
// No other test shares this configuration: close it and its connections when done.
@DirtiesContext
@Import(TestDatabases.class)
class HerokuProfileDevPageIntegrationTests {

	static final String PASSWORD = "3c1f0e9d8b7a69584736251403f2e1d0";

	static final String SALT = "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantRepository tenants;

	@Test
	void theDevPageHasNoBean() {
		assertThat(this.context.getBeansOfType(DevHarnessController.class)).isEmpty();
	}

	@Test
	void theDevPageHasNoRoute() throws Exception {
		Browser anonymous = new Browser(this.port);
		HttpResponse<String> dev = anonymous.get("/dev");
		assertThat(dev.statusCode()).isIn(401, 404);
		assertThat(anonymous.postForm("/dev/provision", java.util.Map.of("plan", "test")).statusCode()).isIn(401, 403,
				404);

		Browser signedIn = signedIn();
		assertThat(signedIn.get("/dev").statusCode()).isEqualTo(404);
	}

	@Test
	void theSignInPageDoesNotPointToTheDevPage() throws Exception {
		HttpResponse<String> response = new Browser(this.port).get("/dashboard");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("heroku addons:open strongroom").doesNotContain("/dev");
	}

	@Test
	void singleSignOnWorksWithTheConfiguredSalt() throws Exception {
		Browser browser = signedIn();
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
	}

	Browser signedIn() throws Exception {
		Tenant tenant = Tenant.provisioning(new TenantId(UUID.randomUUID()), "strongroom-prod-1", "test",
				"amazon-web-services::us-east-1", null, null, null, Instant.now());
		tenant.provisioned();
		this.tenants.save(tenant);
		Browser browser = new Browser(this.port);
		HttpResponse<String> response = browser.postForm("/sso/login",
				Browser.ssoForm(tenant.id().toString(), SALT, Instant.now(), "u-1", "ops@acme.test", "acme"));
		assertThat(response.statusCode()).isEqualTo(303);
		return browser;
	}

}
