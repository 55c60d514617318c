package io.strongroom.heroku.dev;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.strongroom.heroku.HerokuCredentials;
import io.strongroom.heroku.sso.SsoTokens;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Trying Strongroom without Heroku (after azimutt's local harness,
 * {@code heroku-addon.md} §9): provisions a sample add-on through the real Partner API
 * over HTTP, shows the config Heroku would set on the app, and signs in through the real
 * SSO endpoint with a form that posts itself, as Heroku's page does. Never present under
 * the {@code heroku} profile, and by default answers only on this machine.
 */
@Controller
@Profile("!heroku")
@RequestMapping("/dev")
class DevHarnessController {

	/** Stable ids, so a returning "owner" keeps the admin role across sign-ins. */
	static final Map<String, DevUser> USERS = Map.of("owner",
			new DevUser(UUID.nameUUIDFromBytes("strongroom-dev-owner".getBytes(StandardCharsets.UTF_8)).toString(),
					"owner@example.com"),
			"collaborator",
			new DevUser(
					UUID.nameUUIDFromBytes("strongroom-dev-collaborator".getBytes(StandardCharsets.UTF_8)).toString(),
					"collaborator@example.com"));

	/** IPv4 or IPv6 literals only, so no name is ever looked up. */
	private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9a-fA-F.:]+");

	private static final Logger logger = LoggerFactory.getLogger(DevHarnessController.class);

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final HerokuCredentials credentials;

	private final DevProperties properties;

	DevHarnessController(TenantRepository tenants, PlanCatalog plans, HerokuCredentials credentials,
			DevProperties properties) {
		this.tenants = tenants;
		this.plans = plans;
		this.credentials = credentials;
		this.properties = properties;
	}

	record DevUser(String id, String email) {
	}

	/** Runs before every handler here. */
	@ModelAttribute
	void onlyFromThisMachine(HttpServletRequest request) {
		if (!this.properties.allowRemote() && !isLoopback(request.getRemoteAddr())) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
	}

	@GetMapping
	String index(Model model) {
		List<Tenant> recent = this.tenants.findAll(PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "createdAt")))
			.getContent();
		model.addAttribute("plans", this.plans.all().keySet());
		model.addAttribute("addons", recent);
		return "dev/index";
	}

	@PostMapping("/provision")
	String provision(@RequestParam(defaultValue = "test") String plan, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		UUID uuid = UUID.randomUUID();
		String shortId = uuid.toString().substring(0, 6);
		Map<String, Object> body = new LinkedHashMap<>();
		// The v3 provisioning request as Heroku sends it, plus a field Heroku may add
		// later (the Partner API must ignore unknown fields). No oauth_grant: without
		// Heroku there is no Platform API to exchange it with.
		body.put("uuid", uuid.toString());
		body.put("name", "strongroom-sample-" + shortId);
		body.put("plan", plan);
		body.put("region", "amazon-web-services::us-east-1");
		body.put("callback_url", "https://api.heroku.com/addons/" + uuid);
		body.put("options", Map.of());
		body.put("sent_by", "strongroom /dev page");
		model.addAttribute("request", body);
		model.addAttribute("app", appName(uuid));
		try {
			PartnerApiClient.Answer answer = partnerApi(request).provision(body);
			model.addAttribute("status", answer.status());
			model.addAttribute("answer", (answer.body() != null) ? answer.body() : Map.of());
			model.addAttribute("resourceId", uuid.toString());
			if (!answer.accepted()) {
				response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
			}
			logger.info("/dev provisioned sample add-on {}: Partner API answered {}", uuid, answer.status());
		}
		catch (RestClientException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
			model.addAttribute("failure", "The Partner API could not be reached: " + ex.getMostSpecificCause());
		}
		return "dev/provisioned";
	}

	@PostMapping("/open")
	String open(@RequestParam("resource_id") UUID resourceId, @RequestParam(defaultValue = "owner") String as,
			Model model) {
		DevUser user = USERS.get(as);
		if (user == null) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"as must be owner or collaborator");
		}
		String salt = this.credentials.ssoSalt();
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String id = resourceId.toString();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("resource_id", id);
		form.put("timestamp", timestamp);
		form.put("resource_token", SsoTokens.resourceToken(id, salt, timestamp));
		form.put("user_scoped_resource_token",
				SsoTokens.userScopedResourceToken(id, salt, timestamp, user.id(), user.email()));
		form.put("user_id", user.id());
		form.put("email", user.email());
		String app = this.tenants.findById(resourceId).map(Tenant::appName).orElse(null);
		form.put("app", (app != null) ? app : appName(resourceId));
		form.put("context_app", form.get("app"));
		model.addAttribute("form", form);
		return "dev/sso";
	}

	/**
	 * The request's own connector: this server, whatever {@code STRONGROOM_BASE_URL}
	 * says.
	 */
	private PartnerApiClient partnerApi(HttpServletRequest request) {
		URI self = URI.create("http://127.0.0.1:" + request.getLocalPort());
		return new PartnerApiClient(self, this.credentials.addonId(), this.credentials.addonPassword());
	}

	static String appName(UUID resource) {
		return "sample-app-" + resource.toString().substring(0, 6);
	}

	static boolean isLoopback(String address) {
		if (!LITERAL_ADDRESS.matcher(address).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
