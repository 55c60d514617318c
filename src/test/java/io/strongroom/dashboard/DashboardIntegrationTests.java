package io.strongroom.dashboard;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import io.strongroom.heroku.sso.Browser;
import io.strongroom.heroku.sso.BrowserTest;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a signed-in browser sees it, and what a session for one add-on can
 * reach of another: nothing.
 */
@BrowserTest
class DashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	Tenant acme;

	Tenant globex;

	@BeforeEach
	void setUp() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.acme = provisioned("strongroom-acme-" + suffix, "basic");
		this.globex = provisioned("strongroom-globex-" + suffix, "pro");
	}

	Tenant provisioned(String name, String plan) {
		Tenant created = Tenant.provisioning(new TenantId(UUID.randomUUID()), name, plan,
				"amazon-web-services::us-east-1", null, null, null, Instant.now());
		created.provisioned();
		return this.tenants.save(created);
	}

	Browser signedIn(Tenant tenant, String app) throws Exception {
		Browser browser = new Browser(this.port);
		signIn(browser, tenant, app);
		return browser;
	}

	void signIn(Browser browser, Tenant tenant, String app) throws Exception {
		HttpResponse<String> response = browser.postForm("/sso/login", Browser.ssoForm(tenant.id().toString(),
				BrowserTest.SALT, Instant.now(), "user-" + app, app + "@example.com", app));
		assertThat(response.statusCode()).isEqualTo(303);
	}

	@Test
	void homeShowsTheAddonAppPlanAndNoDatabaseYet() throws Exception {
		HttpResponse<String> home = signedIn(this.acme, "acme-web").get("/dashboard");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(this.acme.name())
			.contains("acme-web")
			.contains(">basic<")
			.contains("up to <span>2</span> database(s)")
			.contains("kept up to <span>3 months</span>")
			.contains("No database configured yet.")
			.contains("acme-web@example.com")
			.contains(">admin<");
	}

	@Test
	void pagesLoadNothingFromOtherSites() throws Exception {
		HttpResponse<String> home = signedIn(this.acme, "acme-web").get("/dashboard");
		assertThat(home.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
		assertThat(home.headers().firstValue("content-security-policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'"));
		assertThat(home.headers().firstValue("cache-control")).hasValueSatisfying((c) -> c.contains("no-store"));
	}

	@Test
	void withoutASessionTheDashboardSaysToOpenItFromHeroku() throws Exception {
		HttpResponse<String> response = new Browser(this.port).get("/dashboard");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying((t) -> t.startsWith("text/html"));
		assertThat(response.body()).contains("heroku addons:open strongroom").contains("href=\"/dev\"");
		assertThat(new Browser(this.port).get("/dashboard/anything/else").statusCode()).isEqualTo(401);
		assertThat(new Browser(this.port).get("/").statusCode()).isEqualTo(401);
	}

	@Test
	void publicPagesNeedNoSession() throws Exception {
		Browser anonymous = new Browser(this.port);
		assertThat(anonymous.get("/css/strongroom.css").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void rootLeadsToTheDashboard() throws Exception {
		HttpResponse<String> response = signedIn(this.acme, "acme-web").get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("location")).hasValueSatisfying((l) -> l.endsWith("/dashboard"));
	}

	@Test
	void unknownDashboardPageIsNotFoundWithoutDetails() throws Exception {
		HttpResponse<String> response = signedIn(this.acme, "acme-web").get("/dashboard/nothing-here", "Accept",
				"text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Not Found").doesNotContain("Exception").doesNotContain("at io.");
	}

	@Test
	void aSessionSeesOnlyItsOwnAddon() throws Exception {
		Browser acmeBrowser = signedIn(this.acme, "acme-web");
		Browser globexBrowser = signedIn(this.globex, "globex-api");

		assertThat(acmeBrowser.get("/dashboard").body()).contains(this.acme.name())
			.doesNotContain(this.globex.name())
			.doesNotContain("globex-api");
		assertThat(globexBrowser.get("/dashboard").body()).contains(this.globex.name())
			.doesNotContain(this.acme.name())
			.doesNotContain("acme-web");
	}

	@Test
	void noUrlOrParameterReachesAnotherAddon() throws Exception {
		Browser acmeBrowser = signedIn(this.acme, "acme-web");
		String other = this.globex.id().toString();
		String[] attempts = { "/dashboard?tenant=" + other, "/dashboard?resource_id=" + other, "/dashboard?id=" + other,
				"/dashboard/" + other, "/dashboard/addons/" + other, "/dashboard;tenant=" + other };
		for (String attempt : attempts) {
			HttpResponse<String> response = acmeBrowser.get(attempt);
			assertThat(response.statusCode()).as(attempt).isIn(200, 400, 404);
			assertThat(response.body()).as(attempt).doesNotContain(this.globex.name());
			if (response.statusCode() == 200) {
				assertThat(response.body()).as(attempt).contains(this.acme.name());
			}
		}
		HttpResponse<String> tampered = acmeBrowser.postForm("/dashboard",
				java.util.Map.of("tenant", other, "_csrf", Browser.csrf(acmeBrowser.get("/dashboard").body())));
		assertThat(tampered.statusCode()).isIn(400, 403, 405);
		assertThat(tampered.body()).doesNotContain(this.globex.name());
	}

	@Test
	void signingInToAnotherAddonReplacesTheSession() throws Exception {
		Browser browser = signedIn(this.acme, "acme-web");
		String acmeSession = sessionId(browser);
		signIn(browser, this.globex, "globex-api");

		assertThat(browser.get("/dashboard").body()).contains(this.globex.name()).doesNotContain(this.acme.name());
		HttpResponse<String> old = new Browser(this.port).get("/dashboard", "Cookie", "JSESSIONID=" + acmeSession);
		assertThat(old.statusCode()).isEqualTo(401);
		assertThat(old.body()).doesNotContain(this.acme.name());
	}

	@Test
	void aSessionOutlivingItsAddonShowsItWasRemoved() throws Exception {
		Browser browser = signedIn(this.acme, "acme-web");
		Tenant tenant = this.tenants.findById(this.acme.id().value()).orElseThrow();
		tenant.deprovision(Instant.now());
		this.tenants.save(tenant);

		HttpResponse<String> response = browser.get("/dashboard");
		assertThat(response.statusCode()).isEqualTo(410);
		assertThat(response.body()).contains("This add-on has been removed");
	}

	static String sessionId(Browser browser) {
		return browser.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("JSESSIONID"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

}
