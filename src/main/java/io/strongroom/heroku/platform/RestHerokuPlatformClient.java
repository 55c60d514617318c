package io.strongroom.heroku.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strongroom.heroku.DynoRequest;
import io.strongroom.heroku.HerokuAddon;
import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuApp;
import io.strongroom.heroku.HerokuAttachment;
import io.strongroom.heroku.HerokuDyno;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Platform API over HTTP (heroku-addon.md §4.4, §4.5, §4.7). */
final class RestHerokuPlatformClient implements HerokuPlatformClient {

	static final String ACCEPT = "application/vnd.heroku+json; version=3";

	static final String USER_AGENT = "Strongroom (Heroku add-on strongroom; Java " + Runtime.version().feature() + ")";

	private final HerokuHttp http;

	private final AccessTokenSource tokens;

	private final String apiUrl;

	private final PlatformProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	RestHerokuPlatformClient(HerokuHttp http, AccessTokenSource tokens, URI apiUrl, PlatformProperties properties) {
		this.http = http;
		this.tokens = tokens;
		this.apiUrl = HerokuIdentityClient.stripTrailingSlash(apiUrl.toString());
		this.properties = properties;
	}

	@Override
	public HerokuAddon addon(TenantId addon) {
		return toAddon(call(addon, "Reading add-on " + addon, "GET", "/addons/" + addon, null, HerokuHttp.Retry.SAFE));
	}

	@Override
	public List<HerokuAttachment> attachments(TenantId addon) {
		JsonNode answer = call(addon, "Reading the attachments of add-on " + addon, "GET",
				"/addons/" + addon + "/addon-attachments", null, HerokuHttp.Retry.SAFE);
		if (!answer.isArray()) {
			throw new HerokuApiException("Heroku's list of attachments is not a list", 200, null, false, null);
		}
		List<HerokuAttachment> attachments = new ArrayList<>();
		for (JsonNode attachment : answer) {
			attachments.add(new HerokuAttachment(required(attachment, "name"), text(attachment.path("app").path("id")),
					text(attachment.path("app").path("name")), text(attachment.path("log_input_url"))));
		}
		return List.copyOf(attachments);
	}

	@Override
	public HerokuApp app(TenantId addon, String appIdOrName) {
		JsonNode app = call(addon, "Reading app " + appIdOrName, "GET", "/apps/" + segment(appIdOrName), null,
				HerokuHttp.Retry.SAFE);
		return new HerokuApp(required(app, "id"), text(app.path("name")), text(app.path("owner").path("email")),
				text(app.path("owner").path("id")), text(app.path("region").path("name")));
	}

	@Override
	public void updateConfig(TenantId addon, Map<String, @Nullable String> configVars) {
		ObjectNode body = this.json.createObjectNode();
		ArrayNode config = body.putArray("config");
		configVars.forEach((name, value) -> {
			ObjectNode entry = config.addObject();
			entry.put("name", name);
			if (value == null) {
				entry.putNull("value");
			}
			else {
				entry.put("value", value);
			}
		});
		call(addon, "Setting config vars " + configVars.keySet() + " of add-on " + addon, "PATCH",
				"/addons/" + addon + "/config", body, HerokuHttp.Retry.SAFE);
	}

	@Override
	public HerokuAddon markProvisioned(TenantId addon) {
		return toAddon(call(addon, "Marking add-on " + addon + " provisioned", "POST",
				"/addons/" + addon + "/actions/provision", null, HerokuHttp.Retry.SAFE));
	}

	@Override
	public HerokuDyno createDyno(TenantId addon, String appIdOrName, DynoRequest request) {
		ObjectNode body = this.json.createObjectNode();
		body.put("command", request.command());
		body.put("attach", false);
		body.put("type", "run:detached");
		if (!request.env().isEmpty()) {
			ObjectNode env = body.putObject("env");
			new LinkedHashMap<>(request.env()).forEach(env::put);
		}
		if (request.size() != null) {
			body.put("size", request.size());
		}
		if (request.timeToLive() != null) {
			body.put("time_to_live", request.timeToLive().toSeconds());
		}
		return toDyno(call(addon, "Starting a one-off dyno on app " + appIdOrName, "POST",
				"/apps/" + segment(appIdOrName) + "/dynos", body, HerokuHttp.Retry.ONLY_WHEN_NOTHING_HAPPENED));
	}

	@Override
	public HerokuDyno dyno(TenantId addon, String appIdOrName, String dynoIdOrName) {
		return toDyno(call(addon, "Reading dyno " + dynoIdOrName + " of app " + appIdOrName, "GET",
				"/apps/" + segment(appIdOrName) + "/dynos/" + segment(dynoIdOrName), null, HerokuHttp.Retry.SAFE));
	}

	@Override
	public void stopDyno(TenantId addon, String appIdOrName, String dynoIdOrName) {
		try {
			call(addon, "Stopping dyno " + dynoIdOrName + " of app " + appIdOrName, "POST",
					"/apps/" + segment(appIdOrName) + "/dynos/" + segment(dynoIdOrName) + "/actions/stop", null,
					HerokuHttp.Retry.SAFE);
		}
		catch (HerokuApiException ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			// Already gone: a finished one-off dyno disappears from the app.
		}
	}

	private JsonNode call(TenantId addon, String description, String method, String path, @Nullable JsonNode body,
			HerokuHttp.Retry retry) {
		String token = this.tokens.current(addon);
		HerokuHttp.Response response = this.http.send(description, request(method, path, body, token), retry);
		if (response.status() == 401) {
			token = this.tokens.refreshedAfterRejection(addon, token);
			response = this.http.send(description, request(method, path, body, token), retry);
		}
		if (!response.ok()) {
			String errorId = null;
			String message = null;
			try {
				JsonNode error = this.json.readTree(response.body());
				errorId = HerokuIdentityClient.safeErrorId(text(error.path("id")));
				message = text(error.path("message"));
			}
			catch (JacksonException ex) {
				// not a Heroku error document; the status says enough
			}
			boolean retryable = response.status() == 429 || response.status() >= 500;
			throw new HerokuApiException(
					description + " failed: HTTP " + response.status() + ((errorId != null) ? " (" + errorId + ")" : "")
							+ ((message != null) ? ": " + shorten(message) : ""),
					response.status(), errorId, retryable, null);
		}
		try {
			return (response.body().length == 0) ? this.json.createObjectNode() : this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new HerokuApiException(description + " failed: the answer is not JSON", response.status(), null,
					false, null);
		}
	}

	private HttpRequest request(String method, String path, @Nullable JsonNode body, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.apiUrl + path))
			.timeout(this.properties.requestTimeout())
			.header("Accept", ACCEPT)
			.header("Authorization", "Bearer " + token)
			.header("User-Agent", USER_AGENT);
		if (body != null) {
			builder.header("Content-Type", "application/json");
			builder.method(method, HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return builder.build();
	}

	private static HerokuAddon toAddon(JsonNode addon) {
		return new HerokuAddon(required(addon, "id"), text(addon.path("name")), text(addon.path("state")),
				text(addon.path("app").path("id")), text(addon.path("app").path("name")),
				text(addon.path("plan").path("name")));
	}

	private static HerokuDyno toDyno(JsonNode dyno) {
		return new HerokuDyno(required(dyno, "id"), text(dyno.path("name")), text(dyno.path("state")),
				text(dyno.path("size")), instant(text(dyno.path("created_at"))));
	}

	private static String required(JsonNode node, String field) {
		String value = text(node.path(field));
		if (value == null) {
			throw new HerokuApiException("Heroku's answer has no " + field, 200, null, false, null);
		}
		return value;
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.asString().isEmpty()) ? node.asString() : null;
	}

	private static @Nullable Instant instant(@Nullable String value) {
		try {
			return (value != null) ? Instant.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String shorten(String message) {
		String single = message.replaceAll("\\s+", " ").trim();
		return (single.length() > 200) ? single.substring(0, 200) + "…" : single;
	}

}
