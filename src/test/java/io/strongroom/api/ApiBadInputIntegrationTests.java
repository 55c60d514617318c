package io.strongroom.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import io.strongroom.support.ApiClient;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's Done-when "bad input on every endpoint: a 4xx problem detail, never a 500; a
 * secret never appears in any response, log line or error". Every endpoint is taken from
 * the OpenAPI document, so an endpoint added later is covered without touching this test,
 * and each is sent the same set of bad requests: path variables of the wrong form or
 * naming nothing, malformed JSON, JSON of the wrong types, the wrong content type, junk
 * query parameters, and bodies that carry a secret inside a bad value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabases.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiBadInputIntegrationTests {

	static final String SECRET = "Sup3r-S3cret-" + UUID.randomUUID();

	static final List<String> BAD_BODIES = List.of("{not json", "[1, 2", "\"a string\"", "42", "null",
			"{\"url\": 5, \"schedule\": \"hourly\", \"excludeTables\": \"x\", \"options\": [1]}",
			"{\"url\": \"postgres://user:" + SECRET + "@\", \"schedule\": {\"frequency\": \"every-second\"}}",
			"{\"url\": \"ftp://user:" + SECRET + "@host/db\"}",
			"{\"type\": \"s3\", \"bucket\": \"Not A Bucket\", \"accessKeyId\": \"AKIA\", \"secretAccessKey\": \""
					+ SECRET + "\", \"endpoint\": \"::not a uri\"}",
			"{\"type\": \"ftp\", \"path\": 7}", "{\"generate\": \"maybe\", \"key\": \"" + SECRET + "\"}",
			"{\"key\": \"short " + SECRET.substring(0, 5) + "\"}", "{\"generate\": true, \"key\": \"" + SECRET + "\"}",
			"{\"schedule\": {\"frequency\": \"daily\", \"time\": \"25:99\", \"timezone\": \"Mars/Olympus\"}}",
			"{\"schedule\": {\"frequency\": \"weekly\", \"dayOfWeek\": \"FUNDAY\", \"dayOfMonth\": 40}}",
			"{\"url\": \"" + "x".repeat(100_000) + "\"}");

	static final List<String> BAD_QUERIES = List.of("?status=NOPE", "?cursor=%25%25%25", "?cursor=bm90LWEtY3Vyc29y",
			"?database=not%20a%20label!", "?limit=-1", "?limit=abc", "?status=", "?database=" + "A".repeat(500));

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	final List<String> bodies = new ArrayList<>();

	@Test
	void everyEndpointAnswersBadInputWithA4xxProblemAndNoSecret(CapturedOutput output) {
		TestTenants.Created tenant = TestTenants.create(this.tenants, "basic");
		ApiClient api = ApiClient.bearer(this.port, tenant.token(), this.bodies);
		// Something to find, so that requests reach past "not found" too.
		assertThat(api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:p@127.0.0.1:1/db\"}").status())
			.isEqualTo(201);
		JsonNode paths = ApiClient.anonymous(this.port, new ArrayList<>()).get("/v3/api-docs").json().get("paths");
		List<String> endpoints = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (!path.getKey().startsWith("/api/v1/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				endpoints.add(method + " " + path.getKey());
				for (String url : urls(path.getKey())) {
					for (String query : BAD_QUERIES) {
						check(failures, api.send(method, url + query, null, null), method, url + query, "");
					}
					if (method.equals("GET") || method.equals("DELETE")) {
						continue;
					}
					for (String body : BAD_BODIES) {
						check(failures, api.send(method, url, body, "application/json"), method, url, body);
					}
					check(failures, api.send(method, url, "url=x", "text/plain"), method, url, "text/plain");
					check(failures, api.send(method, url, "", "application/json"), method, url, "(empty)");
				}
			}
		}
		assertThat(endpoints).as("the OpenAPI document lists the API")
			.contains("GET /api/v1/databases", "PUT /api/v1/databases/{label}", "POST /api/v1/encryption-key",
					"POST /api/v1/backups/{id}/download-url", "PUT /api/v1/destination", "GET /api/v1/backups/{id}/log",
					"GET /api/v1/backups/{id}/verifications/{verificationId}/log");
		assertThat(failures).as("requests not answered with a 4xx problem detail").isEmpty();
		assertThat(String.join("\n", this.bodies)).as("responses").doesNotContain(SECRET);
		assertThat(output.getAll()).as("logs").doesNotContain(SECRET);
	}

	/**
	 * The path with variables of the wrong form, and of the right form naming nothing.
	 */
	private static List<String> urls(String template) {
		List<String> urls = new ArrayList<>();
		urls.add(fill(template, "not-a-label!", "not-a-uuid"));
		urls.add(fill(template, "DATABASE", UUID.randomUUID().toString()));
		urls.add(fill(template, "NOSUCHDB", "00000000-0000-0000-0000-000000000000"));
		return urls;
	}

	/** {@code {label}} becomes {@code label}, every other variable (ids) {@code id}. */
	private static String fill(String template, String label, String id) {
		return template.replace("{label}", label).replaceAll("\\{[A-Za-z]+}", id);
	}

	private static void check(List<String> failures, ApiClient.Response response, String method, String url,
			String body) {
		boolean fine = response.status() >= 400 && response.status() < 500 && response.isProblem()
				&& response.body().contains("\"code\"");
		// Some requests are fine after all (GET with an ignored parameter, a 202 for a
		// backup); only a non-4xx error or a 4xx without a problem detail is a failure.
		boolean success = response.status() >= 200 && response.status() < 300;
		if (!fine && !success) {
			failures.add(method + " " + url + " " + body.substring(0, Math.min(body.length(), 80)) + " -> "
					+ response.status() + " " + response.contentType() + " "
					+ response.body().substring(0, Math.min(response.body().length(), 200)));
		}
	}

}
