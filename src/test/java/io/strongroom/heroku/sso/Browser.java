package io.strongroom.heroku.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client standing in for one person's browser, and the forms
 * Heroku's SSO page would post. Redirects are not followed, so tests see them.
 */
public class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final String base;

	public Browser(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public HttpResponse<String> post(String path, String contentType, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
			throws IOException, InterruptedException {
		return post(path, "application/x-www-form-urlencoded", encode(form), headers);
	}

	public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF token of the first form on the page. */
	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF field in the page");
		}
		return matcher.group(1);
	}

	public static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The session cookie's Set-Cookie header, if the response set one. */
	public static List<String> sessionCookies(HttpResponse<?> response) {
		return response.headers().allValues("set-cookie").stream().filter((c) -> c.startsWith("JSESSIONID=")).toList();
	}

	/** The form Heroku's SSO page posts, signed with {@code salt}. */
	public static Map<String, String> ssoForm(String resourceId, String salt, Instant at, String userId, String email,
			String app) {
		String timestamp = Long.toString(at.getEpochSecond());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("resource_id", resourceId);
		form.put("timestamp", timestamp);
		form.put("resource_token", SsoTokens.resourceToken(resourceId, salt, timestamp));
		form.put("user_scoped_resource_token",
				SsoTokens.userScopedResourceToken(resourceId, salt, timestamp, userId, email));
		form.put("user_id", userId);
		form.put("email", email);
		form.put("app", app);
		form.put("context_app", app);
		return form;
	}

}
