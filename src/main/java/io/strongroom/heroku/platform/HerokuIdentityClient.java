package io.strongroom.heroku.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.strongroom.heroku.HerokuApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * id.heroku.com's token endpoint (heroku-addon.md §4.2, §4.3): a form POST to
 * {@code /oauth/token} with the grant code or the refresh token and the client secret.
 */
final class HerokuIdentityClient {

	/** Heroku documents 8 h; used only if an answer leaves {@code expires_in} out. */
	private static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

	private final HerokuHttp http;

	private final URI tokenUri;

	private final @Nullable String clientSecret;

	private final PlatformProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	HerokuIdentityClient(HerokuHttp http, URI idUrl, @Nullable String clientSecret, PlatformProperties properties) {
		this.http = http;
		this.tokenUri = URI.create(stripTrailingSlash(idUrl.toString()) + "/oauth/token");
		this.clientSecret = clientSecret;
		this.properties = properties;
	}

	boolean configured() {
		return this.clientSecret != null && !this.clientSecret.isBlank();
	}

	/** Exchanges a provisioning grant code. Grant codes are single-use. */
	TokenGrant exchange(String code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		return request("Exchanging the OAuth grant", form);
	}

	/** Trades a refresh token for a new access token (and maybe a new refresh token). */
	TokenGrant refresh(String refreshToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		return request("Refreshing the OAuth token", form);
	}

	private TokenGrant request(String call, Map<String, String> form) {
		if (!configured()) {
			throw new HerokuApiException(call + " needs HEROKU_CLIENT_SECRET, which is not set", 0, null, false, null);
		}
		form.put("client_secret", this.clientSecret);
		HttpRequest request = HttpRequest.newBuilder(this.tokenUri)
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("User-Agent", RestHerokuPlatformClient.USER_AGENT)
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		HerokuHttp.Response response = this.http.send(call, request, HerokuHttp.Retry.SAFE);
		if (!response.ok()) {
			String error = errorId(response.body());
			boolean retryable = response.status() == 429 || response.status() >= 500;
			throw new HerokuApiException(call + " failed: id.heroku.com answered HTTP " + response.status()
					+ ((error != null) ? " (" + error + ")" : ""), response.status(), error, retryable, null);
		}
		try {
			JsonNode body = this.json.readTree(response.body());
			String accessToken = text(body, "access_token");
			if (accessToken == null) {
				throw new HerokuApiException(call + " failed: the answer has no access_token", response.status(), null,
						false, null);
			}
			long expiresIn = body.path("expires_in").asLong(0);
			return new TokenGrant(accessToken, text(body, "refresh_token"),
					(expiresIn > 0) ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME);
		}
		catch (JacksonException ex) {
			throw new HerokuApiException(call + " failed: the answer is not JSON", response.status(), null, false,
					null);
		}
	}

	private @Nullable String errorId(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			String error = text(node, "error");
			return safeErrorId((error != null) ? error : text(node, "id"));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Only identifiers such as {@code invalid_grant}, so an error never echoes input. */
	static @Nullable String safeErrorId(@Nullable String id) {
		return (id != null && id.matches("[A-Za-z0-9_.-]{1,64}")) ? id : null;
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
