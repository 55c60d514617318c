package io.strongroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a script would call it, over real HTTP. Keeps every response body so a
 * test can check that no secret ever appeared in one.
 */
public class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String authorization;

	private final List<String> bodies;

	public ApiClient(String base, String authorization, List<String> bodies) {
		this.base = base;
		this.authorization = authorization;
		this.bodies = bodies;
	}

	public static ApiClient bearer(int port, String token, List<String> bodies) {
		return new ApiClient("http://localhost:" + port, "Bearer " + token, bodies);
	}

	public static ApiClient basic(int port, String token, List<String> bodies) {
		return new ApiClient("http://localhost:" + port,
				"Basic " + Base64.getEncoder().encodeToString((":" + token).getBytes(StandardCharsets.UTF_8)), bodies);
	}

	public static ApiClient anonymous(int port, List<String> bodies) {
		return new ApiClient("http://localhost:" + port, null, bodies);
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	public Response put(String path, String json) {
		return send("PUT", path, json, "application/json");
	}

	public Response post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	public Response post(String path) {
		return send("POST", path, null, null);
	}

	public Response send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			this.bodies.add(response.body());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text(String field) {
			JsonNode node = json().get(field);
			return (node != null && !node.isNull()) ? node.asString() : null;
		}

		public boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
