package io.strongroom.heroku.dev;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.strongroom.heroku.sso.Browser;
import io.strongroom.heroku.sso.BrowserTest;
import io.strongroom.tenant.ApiTokens;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;
import io.strongroom.tenant.TenantUserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /dev} page as a newcomer uses it: provision through the real Partner API,
 * see the config, sign in through the real SSO endpoint, land on the dashboard.
 */
@BrowserTest
class DevHarnessIntegrationTests {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	@Autowired
	TenantUserRepository users;

	@Test
	void provisionsThroughThePartnerApiAndSignsInThroughSso() throws Exception {
		Browser browser = new Browser(this.port);
		HttpResponse<String> dev = browser.get("/dev");
		assertThat(dev.statusCode()).isEqualTo(200);
		assertThat(dev.body()).contains("Provision a sample add-on").contains("value=\"pro\"");

		HttpResponse<String> provisioned = browser.postForm("/dev/provision",
				Map.of("plan", "basic", "_csrf", Browser.csrf(dev.body())));
		assertThat(provisioned.statusCode()).isEqualTo(200);
		assertThat(provisioned.body()).contains("Sample add-on provisioned").contains("<strong id=\"status\">200<");
		String resourceId = hidden(provisioned.body()).get("resource_id");
		String token = text(provisioned.body(), "config-STRONGROOM_API_TOKEN");
		assertThat(text(provisioned.body(), "config-STRONGROOM_URL")).endsWith("/api/v1");

		// The Partner API made the add-on and kept only the token's hash.
		Tenant tenant = this.tenants.findById(UUID.fromString(resourceId)).orElseThrow();
		assertThat(tenant.plan()).isEqualTo("basic");
		assertThat(tenant.name()).startsWith("strongroom-sample-");
		assertThat(tenant.apiTokenHash()).isEqualTo(ApiTokens.hash(token));

		HttpResponse<String> interstitial = browser.postForm("/dev/open",
				Map.of("resource_id", resourceId, "as", "owner", "_csrf", Browser.csrf(provisioned.body())));
		assertThat(interstitial.statusCode()).isEqualTo(200);
		assertThat(interstitial.body()).contains("action=\"/sso/login\"")
			.contains("src=\"/js/sso-autosubmit.js\"")
			.doesNotContain("_csrf");
		Map<String, String> ssoForm = hidden(interstitial.body());
		assertThat(ssoForm).containsKeys("resource_id", "timestamp", "resource_token", "user_scoped_resource_token",
				"user_id", "email", "app");

		HttpResponse<String> signedIn = browser.postForm("/sso/login", ssoForm);
		assertThat(signedIn.statusCode()).isEqualTo(303);
		HttpResponse<String> home = browser.get("/dashboard");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(tenant.name()).contains("No database configured yet.");
	}

	@Test
	void theFirstToOpenIsAdminTheCollaboratorAMember() throws Exception {
		Browser owner = new Browser(this.port);
		String resourceId = provision(owner, "test");
		signIn(owner, resourceId, "owner");
		Browser collaborator = new Browser(this.port);
		signIn(collaborator, resourceId, "collaborator");

		assertThat(owner.get("/dashboard").body()).contains("owner@example.com").contains(">admin<");
		assertThat(collaborator.get("/dashboard").body()).contains("collaborator@example.com").contains(">member<");
		assertThat(this.users.countByTenantId(UUID.fromString(resourceId))).isEqualTo(2);
	}

	@Test
	void aRefusalOfThePartnerApiIsShownWithItsMessage() throws Exception {
		Browser browser = new Browser(this.port);
		String csrf = Browser.csrf(browser.get("/dev").body());
		HttpResponse<String> response = browser.postForm("/dev/provision", Map.of("plan", "platinum", "_csrf", csrf));
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).contains("Provisioning refused")
			.contains("<strong id=\"status\">422<")
			.contains("Unknown plan platinum");
	}

	@Test
	void formsOfTheDevPageNeedTheirCsrfToken() throws Exception {
		Browser browser = new Browser(this.port);
		browser.get("/dev");
		assertThat(browser.postForm("/dev/provision", Map.of("plan", "test")).statusCode()).isEqualTo(403);
		assertThat(browser.postForm("/dev/open", Map.of("resource_id", UUID.randomUUID().toString())).statusCode())
			.isEqualTo(403);
	}

	@Test
	void badInputIsABadRequest() throws Exception {
		Browser browser = new Browser(this.port);
		String csrf = Browser.csrf(browser.get("/dev").body());
		assertThat(browser.postForm("/dev/open", Map.of("resource_id", "not-a-uuid", "_csrf", csrf)).statusCode())
			.isEqualTo(400);
		assertThat(browser
			.postForm("/dev/open", Map.of("resource_id", UUID.randomUUID().toString(), "as", "root", "_csrf", csrf))
			.statusCode()).isEqualTo(400);
	}

	@Test
	void answersOnlyOnThisMachine() throws Exception {
		// Through a proxy on loopback, the client is the address the proxy reports.
		HttpResponse<String> remote = new Browser(this.port).get("/dev", "X-Forwarded-For", "203.0.113.9");
		assertThat(remote.statusCode()).isEqualTo(404);
		assertThat(remote.body()).doesNotContain("Provision");
	}

	String provision(Browser browser, String plan) throws Exception {
		String csrf = Browser.csrf(browser.get("/dev").body());
		HttpResponse<String> provisioned = browser.postForm("/dev/provision", Map.of("plan", plan, "_csrf", csrf));
		assertThat(provisioned.statusCode()).isEqualTo(200);
		return hidden(provisioned.body()).get("resource_id");
	}

	void signIn(Browser browser, String resourceId, String as) throws Exception {
		String csrf = Browser.csrf(browser.get("/dev").body());
		HttpResponse<String> interstitial = browser.postForm("/dev/open",
				Map.of("resource_id", resourceId, "as", as, "_csrf", csrf));
		assertThat(browser.postForm("/sso/login", hidden(interstitial.body())).statusCode()).isEqualTo(303);
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

	static String text(String html, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1);
	}

}
