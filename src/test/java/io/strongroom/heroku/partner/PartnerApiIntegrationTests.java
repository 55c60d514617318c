package io.strongroom.heroku.partner;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.strongroom.heroku.PartnerApiTestSupport;
import io.strongroom.tenant.ApiTokens;
import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantPlanChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kensa checks of heroku-addon.md §6 for the partner API (synchronous provisioning,
 * the default), plus bad input on every endpoint and secrets kept out of logs and
 * answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerApiIntegrationTests extends PartnerApiTestSupport {

	@Test
	void provisionAnswers200WithTheConfigKensaExpects() {
		String uuid = newUuid();
		long started = System.nanoTime();
		HttpResponse<String> response = provision(provisionBody(uuid, "test", "grant-" + uuid));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = parse(response.body());
		assertThat(body.get("id").asString()).isEqualTo(uuid);
		assertThat(body.get("message").asString()).isNotBlank();
		JsonNode config = body.get("config");
		assertThat(config.propertyNames()).containsExactlyInAnyOrder("STRONGROOM_URL", "STRONGROOM_API_TOKEN");
		assertThat(config.get("STRONGROOM_URL").asString()).isEqualTo("https://strongroom.test/api/v1");
		String token = config.get("STRONGROOM_API_TOKEN").asString();
		assertThat(token).matches("sr_[A-Za-z0-9_-]{43}");
		Map<String, Object> tenant = this.jdbc.queryForMap("select * from tenant where id = ?::uuid", uuid);
		assertThat(tenant).containsEntry("api_token_hash", ApiTokens.hash(token))
			.containsEntry("plan", "test")
			.containsEntry("state", "PROVISIONED")
			.containsEntry("region", "amazon-web-services::us-east-1")
			.containsEntry("options", "{\"foo\":\"bar\"}");
		assertThat(this.jdbc.queryForList("select api_token_sealed from heroku_provisioning", String.class))
			.noneMatch((sealed) -> sealed != null && sealed.contains(token));
	}

	@Test
	void wrongOrMissingCredentialsGet401AsJson() {
		for (String authorization : new String[] { basic(ADDON_ID, "wrong-password"), basic("other", PASSWORD),
				basic(ADDON_ID, PASSWORD + "x"), "Bearer " + PASSWORD, "Basic !!!not-base64" }) {
			HttpResponse<String> response = send(heroku("/heroku/resources").setHeader("Authorization", authorization)
				.POST(HttpRequest.BodyPublishers.ofString(provisionBody(newUuid(), "test", "c")))
				.build());
			assertThat(response.statusCode()).as(authorization).isEqualTo(401);
			assertThat(parse(response.body()).get("message").asString()).contains("HTTP Basic");
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"strongroom\"");
		}
		HttpResponse<String> anonymous = send(
				HttpRequest.newBuilder(uri("/heroku/resources/" + newUuid())).DELETE().build());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(parse(anonymous.body()).get("message").asString()).isNotBlank();
		HttpResponse<String> put = send(
				heroku("/heroku/resources/" + newUuid()).setHeader("Authorization", basic(ADDON_ID, "nope"))
					.PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"basic\"}"))
					.build());
		assertThat(put.statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select count(*) from tenant where name = 'never'", Long.class)).isZero();
	}

	@Test
	void theSamePostTwiceMakesOneResourceAndTheSameAnswer() {
		String uuid = newUuid();
		HttpResponse<String> first = provision(provisionBody(uuid, "basic", "grant-" + uuid));
		HttpResponse<String> second = provision(provisionBody(uuid, "basic", "grant-" + uuid));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(parse(second.body())).isEqualTo(parse(first.body()));
		assertThat(this.jdbc.queryForObject("select count(*) from tenant where id = ?::uuid", Long.class, uuid))
			.isEqualTo(1);
		await("the grant was exchanged", () -> grantExchanges(uuid) == 1);
		provision(provisionBody(uuid, "basic", "grant-" + uuid));
		sleep(600);
		assertThat(grantExchanges(uuid)).as("the grant is single-use: exchanged once").isEqualTo(1);
	}

	@Test
	void concurrentDuplicatesRaceToOneResourceAndOneAnswer() throws Exception {
		String uuid = newUuid();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				answers.add(pool.submit(
						(Callable<HttpResponse<String>>) () -> provision(provisionBody(uuid, "pro", "grant-" + uuid))));
			}
			List<JsonNode> bodies = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).isEqualTo(200);
				bodies.add(parse(response.body()));
			}
			assertThat(bodies).allMatch(bodies.get(0)::equals);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from tenant where id = ?::uuid", Long.class, uuid))
			.isEqualTo(1);
		await("the grant was exchanged", () -> grantExchanges(uuid) == 1);
	}

	@Test
	void theJobExchangesTheGrantAfterTheAnswerAndStoresTheApp() {
		String uuid = newUuid();
		provision(provisionBody(uuid, "test", "grant-" + uuid));

		await("the app id is stored", () -> APP_ID.equals(
				this.jdbc.queryForObject("select heroku_app_id from tenant where id = ?::uuid", String.class, uuid)));
		// the job records DONE in its own step, just after it stores the app
		await("the job is done", () -> "DONE".equals(this.jdbc
			.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class, uuid)));
		heroku.verify(postRequestedFor(urlEqualTo("/oauth/token"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withRequestBody(
					equalTo("grant_type=authorization_code&code=grant-" + uuid + "&client_secret=" + CLIENT_SECRET)));
		heroku.verify(getRequestedFor(urlEqualTo("/addons/" + uuid))
			.withHeader("Accept", equalTo("application/vnd.heroku+json; version=3"))
			.withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
		assertThat(this.jdbc.queryForObject("select app_name from tenant where id = ?::uuid", String.class, uuid))
			.isEqualTo("acme-web");
		Map<String, Object> job = this.jdbc.queryForMap("select * from heroku_provisioning where tenant_id = ?::uuid",
				uuid);
		assertThat(job).containsEntry("state", "DONE").containsEntry("grant_code_sealed", null);
		Map<String, Object> tokens = this.jdbc.queryForMap("select * from heroku_oauth_token where tenant_id = ?::uuid",
				uuid);
		assertThat(tokens.get("access_token_sealed").toString()).startsWith("v1:").doesNotContain(ACCESS_TOKEN);
		assertThat(tokens.get("refresh_token_sealed").toString()).startsWith("v1:").doesNotContain(REFRESH_TOKEN);
		heroku.verify(0, patchRequestedFor(urlPathMatching("/addons/.*/config")));
	}

	@Test
	void provisioningWithoutAGrantNeedsNoPlatformApi() {
		String uuid = newUuid();
		HttpResponse<String> response = provision("""
				{"uuid":"%s","plan":"test","region":"us","oauth_grant":null}""".formatted(uuid));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body()).get("config").has("STRONGROOM_API_TOKEN")).isTrue();
		assertThat(this.jdbc.queryForObject("select name from tenant where id = ?::uuid", String.class, uuid))
			.isEqualTo(uuid);
		sleep(400);
		heroku.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void aRefusedGrantFailsTheJobButNotTheAddon() {
		heroku.stubFor(
				post("/oauth/token").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
		String uuid = newUuid();
		assertThat(provision(provisionBody(uuid, "test", "used-grant")).statusCode()).isEqualTo(200);

		await("the job failed", () -> "FAILED".equals(this.jdbc
			.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class, uuid)));
		assertThat(this.jdbc.queryForObject("select last_error from heroku_provisioning where tenant_id = ?::uuid",
				String.class, uuid))
			.isEqualTo("Exchanging the OAuth grant failed: id.heroku.com answered HTTP 400 (invalid_grant)");
		assertThat(this.jdbc.queryForObject("select state from tenant where id = ?::uuid", String.class, uuid))
			.isEqualTo("PROVISIONED");
	}

	@Test
	void unknownFieldsAreIgnored() {
		String uuid = newUuid();
		HttpResponse<String> response = provision("""
				{"uuid":"%s","plan":"test","region":"amazon-web-services::eu-west-1","heroku_id":"app123@heroku.com",
				 "logplex_token":null,"log_drain_token":"d.x","brand_new":{"a":[true,null,1.5]}}""".formatted(uuid));
		assertThat(response.statusCode()).isEqualTo(200);
		HttpResponse<String> put = changePlan(uuid, "{\"plan\":\"basic\",\"heroku_id\":\"app123@heroku.com\",\"x\":1}");
		assertThat(put.statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownPlanOrRegionGets422WithAMessage() {
		HttpResponse<String> plan = provision(provisionBody(newUuid(), "platinum", "c"));
		assertThat(plan.statusCode()).isEqualTo(422);
		assertThat(parse(plan.body()).get("message").asString())
			.isEqualTo("Unknown plan platinum. Strongroom's plans are test, basic, pro.");

		HttpResponse<String> region = provision(provisionBody(newUuid(), "test", "c")
			.replace("amazon-web-services::us-east-1", "amazon-web-services::ap-southeast-2"));
		assertThat(region.statusCode()).isEqualTo(422);
		assertThat(parse(region.body()).get("message").asString()).contains("us and eu");
		assertThat(this.jdbc.queryForObject("select count(*) from tenant where plan = 'platinum'", Long.class))
			.isZero();
	}

	@Test
	void missingOrMalformedFieldsGetAClear4xx() {
		Map<String, String> cases = Map.of("{\"plan\":\"test\",\"region\":\"us\"}", "uuid is missing",
				"{\"uuid\":\"not-a-uuid\",\"plan\":\"test\",\"region\":\"us\"}", "uuid is not a UUID",
				"{\"uuid\":\"%s\",\"region\":\"us\"}".formatted(newUuid()), "plan is missing",
				"{\"uuid\":\"%s\",\"plan\":\"test\"}".formatted(newUuid()), "region is missing",
				"{\"uuid\":\"%s\",\"plan\":\"test\",\"region\":\"us\",\"oauth_grant\":{\"type\":\"authorization_code\"}}"
					.formatted(newUuid()),
				"oauth_grant.code is missing",
				"{\"uuid\":\"%s\",\"plan\":\"test\",\"region\":\"us\",\"callback_url\":\"not a url\"}"
					.formatted(newUuid()),
				"callback_url is not a URL");
		cases.forEach((body, message) -> {
			HttpResponse<String> response = provision(body);
			assertThat(response.statusCode()).as(body).isEqualTo(422);
			assertThat(parse(response.body()).get("message").asString()).as(body).isEqualTo(message);
		});
		HttpResponse<String> wrongType = provision(
				"{\"uuid\":\"%s\",\"plan\":[\"test\"],\"region\":\"us\"}".formatted(newUuid()));
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(parse(wrongType.body()).get("message").asString())
			.isEqualTo("The request body has the wrong type for plan");
		HttpResponse<String> noPlan = changePlan(newUuid(), "{}");
		assertThat(noPlan.statusCode()).isEqualTo(422);
		assertThat(parse(noPlan.body()).get("message").asString()).isEqualTo("plan is missing");
	}

	@Test
	void malformedJsonEmptyBodiesAndWrongContentTypesGet4xxOnEveryEndpoint() {
		String uuid = newUuid();
		provision(provisionBody(uuid, "test", "g"));
		for (String path : new String[] { "/heroku/resources", "/heroku/resources/" + uuid }) {
			String method = path.equals("/heroku/resources") ? "POST" : "PUT";
			expect(heroku(path).method(method, HttpRequest.BodyPublishers.ofString("{\"uuid\": ")), 400,
					"The request body is not valid JSON");
			expect(heroku(path).method(method, HttpRequest.BodyPublishers.ofString("[1,2")), 400,
					"The request body is not valid JSON");
			expect(heroku(path).method(method, HttpRequest.BodyPublishers.ofString("\"just a string\"")), 400, null);
			expect(heroku(path).method(method, HttpRequest.BodyPublishers.noBody()), 422, null);
			expect(heroku(path).setHeader("Content-Type", "text/plain")
				.method(method, HttpRequest.BodyPublishers.ofString("plan=test")), 415,
					"Send the request body as Content-Type: application/json");
			expect(heroku(path).setHeader("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString("plan=test")), 415, null);
		}
		expect(heroku("/heroku/resources/not-a-uuid").DELETE(), 404,
				"No Strongroom add-on has that id (it is not a UUID)");
		expect(heroku("/heroku/resources").GET(), 405, "Use POST /heroku/resources to provision an add-on");
		expect(heroku("/heroku/resources/" + uuid).GET(), 405, null);
		expect(heroku("/heroku/resources/" + uuid).POST(HttpRequest.BodyPublishers.ofString("{}")), 405, null);
		expect(heroku("/heroku/elsewhere").GET(), 404, "Not part of the Heroku Add-on Partner API");
	}

	@Test
	void hugeBodiesGet413BeforeTheyAreRead() {
		String padding = "x".repeat(200_000);
		String body = provisionBody(newUuid(), "test", "g").replace("\"options\":{\"foo\":\"bar\"}",
				"\"options\":{\"foo\":\"" + padding + "\"}");
		expect(heroku("/heroku/resources").POST(HttpRequest.BodyPublishers.ofString(body)), 413,
				"The request body is too large for the partner API");
		// chunked, no Content-Length: cut off while reading
		expect(heroku("/heroku/resources")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes()))),
				413, "The request body is too large for the partner API");
		expect(heroku("/heroku/resources/" + newUuid()).PUT(HttpRequest.BodyPublishers.ofString(body)), 413, null);
	}

	@Test
	void deprovisionAnswers204ThenGoneEverywhereAndErasesSecrets() {
		String uuid = newUuid();
		String token = parse(provision(provisionBody(uuid, "basic", "grant-" + uuid)).body()).get("config")
			.get("STRONGROOM_API_TOKEN")
			.asString();
		await("tokens are stored",
				() -> this.jdbc.queryForObject("select count(*) from heroku_oauth_token where tenant_id = ?::uuid",
						Long.class, uuid) == 1);

		HttpResponse<String> deleted = deprovision(uuid);

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(this.events.published()).containsExactly(new TenantDeprovisioned(TenantId.of(uuid),
				((TenantDeprovisioned) this.events.published().get(0)).at()));
		Map<String, Object> tenant = this.jdbc.queryForMap("select * from tenant where id = ?::uuid", uuid);
		assertThat(tenant).containsEntry("state", "DEPROVISIONED")
			.containsEntry("api_token_hash", null)
			.containsEntry("log_input_url", null);
		assertThat(this.jdbc.queryForObject("select count(*) from tenant where api_token_hash = ?", Long.class,
				ApiTokens.hash(token)))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from heroku_oauth_token where tenant_id = ?::uuid",
				Long.class, uuid))
			.isZero();
		Map<String, Object> job = this.jdbc.queryForMap("select * from heroku_provisioning where tenant_id = ?::uuid",
				uuid);
		assertThat(job).containsEntry("api_token_sealed", null).containsEntry("grant_code_sealed", null);

		expect(heroku("/heroku/resources/" + uuid).DELETE(), 410,
				"The Strongroom add-on " + uuid + " was deprovisioned");
		expect(heroku("/heroku/resources/" + uuid).PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"pro\"}")), 410,
				null);
		expect(heroku("/heroku/resources")
			.POST(HttpRequest.BodyPublishers.ofString(provisionBody(uuid, "basic", "grant-" + uuid))), 410, null);
		assertThat(this.events.published()).hasSize(1);
	}

	@Test
	void unknownUuidsGet404() {
		expect(heroku("/heroku/resources/" + newUuid()).DELETE(), 404, null);
		expect(heroku("/heroku/resources/" + newUuid()).PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"pro\"}")),
				404, null);
	}

	@Test
	void planChangeAnswers200AndPublishesTheChange() {
		String uuid = newUuid();
		provision(provisionBody(uuid, "test", "g"));

		HttpResponse<String> response = changePlan(uuid, "{\"plan\":\"pro\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(parse(response.body()).get("message").asString()).contains("pro");
		assertThat(this.jdbc.queryForObject("select plan from tenant where id = ?::uuid", String.class, uuid))
			.isEqualTo("pro");
		assertThat(this.events.published()).singleElement().isInstanceOfSatisfying(TenantPlanChanged.class, (event) -> {
			assertThat(event.tenant()).isEqualTo(TenantId.of(uuid));
			assertThat(event.previousPlan()).isEqualTo("test");
			assertThat(event.newPlan()).isEqualTo("pro");
		});
		HttpResponse<String> unknown = changePlan(uuid, "{\"plan\":\"platinum\"}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(this.jdbc.queryForObject("select plan from tenant where id = ?::uuid", String.class, uuid))
			.isEqualTo("pro");
	}

	@Test
	void theSamePlanIsALoggedNoOp(CapturedOutput output) {
		String uuid = newUuid();
		provision(provisionBody(uuid, "basic", "g"));

		HttpResponse<String> response = changePlan(uuid, "{\"plan\":\"basic\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.events.published()).isEmpty();
		assertThat(output).contains("Plan change of add-on " + uuid + " to its current plan basic: nothing to do");
	}

	@Test
	void secretsNeverReachALogOrAnErrorAnswer(CapturedOutput output) {
		String uuid = newUuid();
		String grant = "grant-code-" + uuid;
		HttpResponse<String> provisioned = provision(provisionBody(uuid, "test", grant));
		String token = parse(provisioned.body()).get("config").get("STRONGROOM_API_TOKEN").asString();
		await("the job is done", () -> "DONE".equals(this.jdbc
			.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class, uuid)));
		List<HttpResponse<String>> errors = List.of(
				provision(provisionBody(uuid, "test", grant).replace("\"test\"", "\"x\"")),
				provision("{\"uuid\":\"" + uuid + "\",\"plan\":\"test\",\"region\":\"us\",\"oauth_grant\":{\"code\":"
						+ "\"" + grant + "\"},\"options\":[\"" + token + "\"]}"),
				provision("{\"oauth_grant\":{\"code\":\"" + grant + "\"}, \"uuid\": " + token),
				send(heroku("/heroku/resources").setHeader("Authorization", basic(ADDON_ID, token))
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build()));
		changePlan(uuid, "{\"plan\":\"pro\"}");
		deprovision(uuid);

		for (HttpResponse<String> error : errors) {
			assertThat(error.statusCode()).isBetween(400, 499);
			assertThat(error.body()).doesNotContain(token, grant, PASSWORD, CLIENT_SECRET);
		}
		assertThat(output).contains("Provisioned add-on " + uuid)
			.contains("Exchanged the OAuth grant of add-on " + uuid)
			.contains("Deprovisioned add-on " + uuid)
			.doesNotContain(token)
			.doesNotContain(grant)
			.doesNotContain(ACCESS_TOKEN)
			.doesNotContain(REFRESH_TOKEN)
			.doesNotContain(PASSWORD)
			.doesNotContain(CLIENT_SECRET)
			.doesNotContain("t." + uuid + "@");
	}

	private void expect(HttpRequest.Builder request, int status, String message) {
		HttpResponse<String> response = send(request.build());
		String described = request.build().method() + " " + request.build().uri().getPath();
		assertThat(response.statusCode()).as(described).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(described)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = parse(response.body());
		assertThat(body.get("message").asString()).as(described).isNotBlank();
		if (message != null) {
			assertThat(body.get("message").asString()).as(described).isEqualTo(message);
		}
	}

	private int grantExchanges(String uuid) {
		return heroku
			.findAll(postRequestedFor(urlEqualTo("/oauth/token"))
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=grant-" + uuid)))
			.size();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
