package io.strongroom.heroku.sso;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import io.strongroom.tenant.TenantRole;
import io.strongroom.tenant.TenantUser;
import io.strongroom.tenant.TenantUserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heroku single sign-on end to end over real HTTP (the SSO rows of kensa's checks,
 * {@code heroku-addon.md} §6), on PostgreSQL.
 */
@BrowserTest
class SsoIntegrationTests {

	static final String SALT = BrowserTest.SALT;

	static final String USER = "1f0c9f7e-5a55-4d1b-9c1e-000000000001";

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	@Autowired
	TenantUserRepository users;

	Browser browser;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.browser = new Browser(this.port);
		this.tenant = provisioned("strongroom-acme-11111", "basic");
	}

	Tenant provisioned(String name, String plan) {
		Tenant created = Tenant.provisioning(new TenantId(UUID.randomUUID()), name, plan,
				"amazon-web-services::us-east-1", null, null, null, Instant.now());
		created.provisioned();
		return this.tenants.save(created);
	}

	Map<String, String> form(Tenant tenant, Instant at) {
		return Browser.ssoForm(tenant.id().toString(), SALT, at, USER, "ada@example.com", "acme-web");
	}

	HttpResponse<String> signIn(Map<String, String> form, String... headers) throws Exception {
		return this.browser.postForm("/sso/login", form, headers);
	}

	@Test
	void validSignInRedirectsToTheDashboardWithASessionCookie() throws Exception {
		HttpResponse<String> response = signIn(form(this.tenant, Instant.now()));
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("location")).hasValueSatisfying((l) -> l.endsWith("/dashboard"));
		List<String> cookies = Browser.sessionCookies(response);
		assertThat(cookies).hasSize(1);
		assertThat(cookies.get(0)).containsIgnoringCase("; HttpOnly")
			.containsIgnoringCase("; SameSite=Lax")
			.doesNotContainIgnoringCase("Secure");
	}

	@Test
	void cookieIsSecureWhenServedOverHttpsBehindARouter() throws Exception {
		HttpResponse<String> response = signIn(form(this.tenant, Instant.now()), "X-Forwarded-Proto", "https");
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(Browser.sessionCookies(response)).singleElement()
			.asString()
			.containsIgnoringCase("; Secure")
			.containsIgnoringCase("; HttpOnly")
			.containsIgnoringCase("; SameSite=Lax");
	}

	@Test
	void wrongTokenIsForbidden() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.remove("user_scoped_resource_token");
		form.put("resource_token", "0".repeat(40));
		HttpResponse<String> response = signIn(form);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying((t) -> t.startsWith("text/plain"));
		assertThat(response.body()).contains("token does not match").contains("heroku addons:open strongroom");
		assertThat(Browser.sessionCookies(response)).isEmpty();
	}

	@Test
	void tokenSignedWithAnotherSaltIsForbidden() throws Exception {
		Map<String, String> form = Browser.ssoForm(this.tenant.id().toString(), "another-salt", Instant.now(), USER,
				"ada@example.com", "acme-web");
		assertThat(signIn(form).statusCode()).isEqualTo(403);
	}

	@Test
	void sixMinuteOldTimestampIsForbidden() throws Exception {
		HttpResponse<String> response = signIn(form(this.tenant, Instant.now().minusSeconds(360)));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("more than 5 minutes old");
	}

	@Test
	void sixMinuteFutureTimestampIsForbidden() throws Exception {
		HttpResponse<String> response = signIn(form(this.tenant, Instant.now().plusSeconds(360)));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("ahead");
	}

	@Test
	void resourceTokenAloneSignsIn() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.remove("user_scoped_resource_token");
		assertThat(signIn(form).statusCode()).isEqualTo(303);
	}

	@Test
	void userScopedTokenAloneSignsIn() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.remove("resource_token");
		assertThat(signIn(form).statusCode()).isEqualTo(303);
	}

	@Test
	void userScopedTokenOfAnotherUserIsForbidden() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.put("user_id", "someone-else");
		assertThat(signIn(form).statusCode()).isEqualTo(403);
	}

	@Test
	void deprovisionedResourceIsGone() throws Exception {
		this.tenant.deprovision(Instant.now());
		this.tenants.save(this.tenant);
		HttpResponse<String> response = signIn(form(this.tenant, Instant.now()));
		assertThat(response.statusCode()).isEqualTo(410);
		assertThat(response.body()).contains("removed");
		assertThat(Browser.sessionCookies(response)).isEmpty();
	}

	@Test
	void unknownResourceIsNotFound() throws Exception {
		Map<String, String> form = Browser.ssoForm(UUID.randomUUID().toString(), SALT, Instant.now(), USER,
				"ada@example.com", "acme-web");
		HttpResponse<String> response = signIn(form);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("no add-on with this resource id");
	}

	@Test
	void firstUserIsAdminLaterUsersMembersAndReturningUsersKeepTheirRole() throws Exception {
		assertThat(signIn(form(this.tenant, Instant.now())).statusCode()).isEqualTo(303);
		Map<String, String> second = Browser.ssoForm(this.tenant.id().toString(), SALT, Instant.now(),
				"1f0c9f7e-5a55-4d1b-9c1e-000000000002", "grace@example.com", "acme-web");
		assertThat(new Browser(this.port).postForm("/sso/login", second).statusCode()).isEqualTo(303);
		// The admin comes back with a new email: same user (by id), same role.
		Map<String, String> again = Browser.ssoForm(this.tenant.id().toString(), SALT, Instant.now(), USER,
				"ada@new.example.com", "acme-web");
		assertThat(new Browser(this.port).postForm("/sso/login", again).statusCode()).isEqualTo(303);

		List<TenantUser> signedIn = this.users.findByTenantIdOrderByCreatedAt(this.tenant.id().value());
		assertThat(signedIn).extracting(TenantUser::herokuUserId, TenantUser::role, TenantUser::email)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(USER, TenantRole.ADMIN, "ada@new.example.com"),
					org.assertj.core.groups.Tuple.tuple("1f0c9f7e-5a55-4d1b-9c1e-000000000002", TenantRole.MEMBER,
							"grace@example.com"));
	}

	@Test
	void concurrentFirstSignInsMakeExactlyOneAdmin() throws Exception {
		List<java.util.concurrent.Callable<Integer>> signIns = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String user = "concurrent-user-" + i;
			signIns.add(
					() -> new Browser(this.port)
						.postForm("/sso/login",
								Browser.ssoForm(this.tenant.id().toString(), SALT, Instant.now(), user,
										user + "@example.com", "acme-web"))
						.statusCode());
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			for (java.util.concurrent.Future<Integer> status : pool.invokeAll(signIns)) {
				assertThat(status.get()).isEqualTo(303);
			}
		}
		finally {
			pool.shutdown();
		}
		List<TenantUser> signedIn = this.users.findByTenantIdOrderByCreatedAt(this.tenant.id().value());
		assertThat(signedIn).hasSize(6);
		assertThat(signedIn).filteredOn((u) -> u.role() == TenantRole.ADMIN).hasSize(1);
	}

	@Test
	void deprecatedAndUnknownFieldsAreIgnored() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.put("id", "legacy-id");
		form.put("token", "f".repeat(40));
		form.put("nav-data", "eyJhZGRvbiI6InN0cm9uZ3Jvb20ifQ");
		form.put("something_new", "1");
		assertThat(signIn(form).statusCode()).isEqualTo(303);
	}

	@Test
	void recordsTheAppName() throws Exception {
		assertThat(signIn(form(this.tenant, Instant.now())).statusCode()).isEqualTo(303);
		assertThat(this.tenants.findById(this.tenant.id().value()).orElseThrow().appName()).isEqualTo("acme-web");
	}

	@Test
	void everySignInStartsANewSession() throws Exception {
		signIn(form(this.tenant, Instant.now()));
		String first = sessionId();
		signIn(form(this.tenant, Instant.now()));
		String second = sessionId();
		assertThat(second).isNotEqualTo(first);
		// The replaced session no longer opens the dashboard.
		Browser stale = new Browser(this.port);
		HttpResponse<String> response = stale.get("/dashboard", "Cookie", "JSESSIONID=" + first);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void anAttackersSessionIdIsNotKept() throws Exception {
		// Session fixation: a session id planted before the sign-in must not become
		// signed in.
		HttpResponse<String> planted = this.browser.get("/dev");
		String before = sessionIdOrNull();
		signIn(form(this.tenant, Instant.now()));
		assertThat(planted.statusCode()).isLessThan(500);
		assertThat(sessionId()).isNotEqualTo(before);
	}

	String sessionId() {
		String id = sessionIdOrNull();
		assertThat(id).isNotNull();
		return id;
	}

	String sessionIdOrNull() {
		return this.browser.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("JSESSIONID"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	// Bad input: always a 4xx with a message, never a 500.

	@Test
	void missingFieldIsABadRequestNamingIt() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.remove("resource_id");
		HttpResponse<String> response = signIn(form);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("resource_id is missing");
	}

	@Test
	void emptyFormIsABadRequest() throws Exception {
		HttpResponse<String> response = signIn(Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("is missing");
	}

	@Test
	void malformedValuesAreBadRequests() throws Exception {
		Map<String, String> badTimestamp = form(this.tenant, Instant.now());
		badTimestamp.put("timestamp", "yesterday");
		assertThat(signIn(badTimestamp).statusCode()).isEqualTo(400);
		Map<String, String> badId = form(this.tenant, Instant.now());
		badId.put("resource_id", "../../etc/passwd");
		HttpResponse<String> response = signIn(badId);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("resource_id must be the add-on's UUID").doesNotContain("passwd");
	}

	@Test
	void jsonInsteadOfAFormIsABadRequest() throws Exception {
		HttpResponse<String> response = this.browser.post("/sso/login", "application/json",
				"{\"resource_id\":\"" + this.tenant.id() + "\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("application/x-www-form-urlencoded");
	}

	@Test
	void getIsNotAllowedAndSaysWhy() throws Exception {
		HttpResponse<String> response = this.browser.get("/sso/login?resource_id=" + this.tenant.id());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("allow")).hasValue("POST");
		assertThat(response.body()).contains("only accepts Heroku's sign-in form");
	}

	@Test
	void hugeBodyIsRefusedBeforeItIsParsed() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.put("padding", "x".repeat(1_000_000));
		HttpResponse<String> response = signIn(form);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("too large");
	}

	@Test
	void bodyBeyondTomcatsLimitsStillGetsAnAnswer() throws Exception {
		Map<String, String> form = form(this.tenant, Instant.now());
		form.put("padding", "x".repeat(5_000_000));
		HttpResponse<String> response = signIn(form);
		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void repeatedFieldIsABadRequest() throws Exception {
		String body = Browser.encode(form(this.tenant, Instant.now())) + "&resource_id=" + UUID.randomUUID();
		HttpResponse<String> response = this.browser.post("/sso/login", "application/x-www-form-urlencoded", body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("more than once");
	}

	@Test
	void ssoNeedsNoCsrfTokenButDashboardFormsDo() throws Exception {
		assertThat(signIn(form(this.tenant, Instant.now())).statusCode()).isEqualTo(303);
		HttpResponse<String> withoutToken = this.browser.postForm("/dashboard/sign-out", new HashMap<>());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.body()).contains("Form expired");
		assertThat(this.browser.get("/dashboard").statusCode()).isEqualTo(200);

		String token = Browser.csrf(this.browser.get("/dashboard").body());
		HttpResponse<String> signOut = this.browser.postForm("/dashboard/sign-out", Map.of("_csrf", token));
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(signOut.headers().firstValue("location")).hasValueSatisfying((l) -> l.endsWith("/sso/signed-out"));
		assertThat(this.browser.get("/dashboard").statusCode()).isEqualTo(401);
		assertThat(this.browser.get("/sso/signed-out").body()).contains("You signed out");
	}

}
