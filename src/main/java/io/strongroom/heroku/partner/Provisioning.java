package io.strongroom.heroku.partner;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.strongroom.heroku.platform.OAuthTokens;
import io.strongroom.secrets.SecretBox;
import io.strongroom.system.StrongroomProperties;
import io.strongroom.tenant.ApiTokens;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantPlanChanged;
import io.strongroom.tenant.TenantRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The add-on lifecycle behind the partner API (heroku-addon.md §2, STYLE.md C11).
 * Provisioning is idempotent on Heroku's uuid: the tenant's primary key is the uuid, and
 * a request that loses an insert race reads the winner's row and answers as it did. Slow
 * work (the OAuth exchange, Platform API calls) happens in the {@link ProvisioningWorker}
 * after commit, never while Heroku waits.
 */
class Provisioning {

	static final String URL_VAR = "STRONGROOM_URL";

	static final String TOKEN_VAR = "STRONGROOM_API_TOKEN";

	private static final Log logger = LogFactory.getLog(Provisioning.class);

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final TenantRepository tenants;

	private final ProvisioningJobRepository jobs;

	private final PlanCatalog plans;

	private final SecretBox box;

	private final OAuthTokens tokens;

	private final StrongroomProperties strongroom;

	private final PartnerProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ProvisioningWorker worker;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Provisioning(TenantRepository tenants, ProvisioningJobRepository jobs, PlanCatalog plans, SecretBox box,
			OAuthTokens tokens, StrongroomProperties strongroom, PartnerProperties properties,
			ApplicationEventPublisher events, TransactionTemplate transactions, ProvisioningWorker worker,
			Clock clock) {
		this.tenants = tenants;
		this.jobs = jobs;
		this.plans = plans;
		this.box = box;
		this.tokens = tokens;
		this.strongroom = strongroom;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.worker = worker;
		this.clock = clock;
	}

	/** {@code POST /heroku/resources}. */
	PartnerAnswer provision(@Nullable ProvisionRequest request) {
		ValidProvision valid = validate(request);
		try {
			return required(this.transactions.execute((status) -> this.tenants.findById(valid.id().value())
				.map((existing) -> replay(existing, valid))
				.orElseGet(() -> create(valid))));
		}
		catch (DataIntegrityViolationException race) {
			// a concurrent delivery of the same request inserted the uuid first: answer
			// as it did
			logger.info("Provisioning of add-on " + valid.id() + " raced a duplicate delivery; answering as the first");
			return required(this.transactions.execute((status) -> this.tenants.findById(valid.id().value())
				.map((existing) -> replay(existing, valid))
				.orElseThrow(() -> race)));
		}
	}

	private PartnerAnswer create(ValidProvision valid) {
		Instant now = this.clock.instant();
		UUID id = valid.id().value();
		String token = ApiTokens.generate();
		boolean platform = valid.grantCode() != null && this.tokens.canExchange();
		boolean async = this.properties.asyncProvisioning() && platform;
		Tenant tenant = Tenant.provisioning(valid.id(), valid.name(), valid.plan(), valid.region(), valid.callbackUrl(),
				valid.logInputUrl(), valid.options(), now);
		tenant.issueApiToken(ApiTokens.hash(token));
		if (!async) {
			tenant.provisioned();
		}
		this.tenants.saveAndFlush(tenant);
		ProvisioningJob job = ProvisioningJob.create(id, async,
				platform ? this.box.seal(valid.grantCode(), ProvisioningJob.grantContext(id)) : null,
				valid.grantExpiresAt(), this.box.seal(token, ProvisioningJob.apiTokenContext(id)), now,
				this.properties.replayWindow(), this.properties.jobs().deadline());
		this.jobs.saveAndFlush(job);
		if (valid.grantCode() != null && !platform) {
			logger.warn("Add-on " + id + " came with an OAuth grant but HEROKU_CLIENT_SECRET is not set: "
					+ "Strongroom cannot use the Platform API for it");
		}
		if (platform) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Provisioning.this.worker.wake();
				}
			});
		}
		logger.info("Provisioned add-on " + id + " (plan " + valid.plan() + ", "
				+ (async ? "asynchronously" : "synchronously") + ")");
		return async ? asyncAnswer(id) : syncAnswer(id, token);
	}

	private PartnerAnswer replay(Tenant tenant, ValidProvision valid) {
		UUID id = tenant.id().value();
		if (tenant.isDeprovisioned()) {
			throw PartnerApiException.gone(id.toString());
		}
		if (!tenant.plan().equals(valid.plan())) {
			logger.warn("A repeated provisioning of add-on " + id + " names plan " + valid.plan() + ", not "
					+ tenant.plan() + "; answering as before");
		}
		Optional<ProvisioningJob> job = this.jobs.findById(id);
		if (job.isPresent() && job.get().async()) {
			return asyncAnswer(id);
		}
		String sealedToken = job.map(ProvisioningJob::apiTokenSealed).orElse(null);
		if (sealedToken == null) {
			logger.warn("A repeated provisioning of add-on " + id + " arrived after its answer's token was erased "
					+ "(replay window " + this.properties.replayWindow() + "); answering without config");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id.toString());
			body.put("message", "Strongroom is already provisioned for this add-on.");
			return new PartnerAnswer(200, body);
		}
		return syncAnswer(id, this.box.open(sealedToken, ProvisioningJob.apiTokenContext(id)));
	}

	private PartnerAnswer syncAnswer(UUID id, String token) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(URL_VAR, apiUrl(this.strongroom));
		config.put(TOKEN_VAR, token);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id.toString());
		body.put("config", config);
		body.put("message", "Strongroom is ready. Open its dashboard to add a database to back up.");
		return new PartnerAnswer(200, body);
	}

	private static PartnerAnswer asyncAnswer(UUID id) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id.toString());
		body.put("message", "Strongroom is being provisioned; STRONGROOM_URL and STRONGROOM_API_TOKEN follow shortly.");
		return new PartnerAnswer(202, body);
	}

	/** The REST API's base URL, as given to the customer's app in STRONGROOM_URL. */
	static String apiUrl(StrongroomProperties strongroom) {
		String base = strongroom.baseUrl().toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1";
	}

	/** {@code PUT /heroku/resources/{uuid}}. */
	PartnerAnswer changePlan(String uuid, @Nullable PlanChangeRequest request) {
		TenantId id = parseId(uuid);
		String plan = validPlan((request != null) ? request.plan() : null);
		return retryingConflicts(() -> required(this.transactions.execute((status) -> {
			Tenant tenant = this.tenants.findById(id.value()).orElseThrow(() -> PartnerApiException.notFound(uuid));
			if (tenant.isDeprovisioned()) {
				throw PartnerApiException.gone(uuid);
			}
			Map<String, Object> body = new LinkedHashMap<>();
			if (tenant.plan().equals(plan)) {
				// Heroku may be retrying a change it thinks failed (heroku-addon.md §2.3)
				logger.info("Plan change of add-on " + id + " to its current plan " + plan + ": nothing to do");
				body.put("message", "Strongroom already runs on the " + plan + " plan.");
				return new PartnerAnswer(200, body);
			}
			String previous = tenant.plan();
			tenant.changePlan(plan);
			this.events.publishEvent(new TenantPlanChanged(id, previous, plan, this.clock.instant()));
			logger.info("Add-on " + id + " changed plan from " + previous + " to " + plan);
			body.put("message", "Strongroom now runs on the " + plan + " plan.");
			return new PartnerAnswer(200, body);
		})));
	}

	/**
	 * {@code DELETE /heroku/resources/{uuid}}: stops everything for the add-on and erases
	 * the secrets Strongroom holds for it (API token hash, OAuth tokens, the sealed grant
	 * and answer token). Backups in the customer's bucket are never touched; other
	 * modules erase their own secrets on {@link TenantDeprovisioned}.
	 */
	void deprovision(String uuid) {
		TenantId id = parseId(uuid);
		retryingConflicts(() -> this.transactions.execute((status) -> {
			Tenant tenant = this.tenants.findById(id.value()).orElseThrow(() -> PartnerApiException.notFound(uuid));
			if (tenant.isDeprovisioned()) {
				throw PartnerApiException.gone(uuid);
			}
			Instant now = this.clock.instant();
			tenant.deprovision(now);
			this.jobs.findById(id.value()).ifPresent((job) -> job.cancel(now));
			this.tokens.erase(id);
			this.events.publishEvent(new TenantDeprovisioned(id, now));
			logger.info("Deprovisioned add-on " + id + "; its secrets are erased");
			return id;
		}));
	}

	/**
	 * Runs {@code work} again when it lost an optimistic-lock race with the provisioning
	 * worker, which updates the same tenant and job rows in the background.
	 */
	private static <T> T retryingConflicts(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private static TenantId parseId(String uuid) {
		try {
			return new TenantId(UUID.fromString(uuid));
		}
		catch (IllegalArgumentException ex) {
			throw new PartnerApiException(PartnerApiException.Kind.NOT_FOUND,
					"No Strongroom add-on has that id (it is not a UUID)");
		}
	}

	private ValidProvision validate(@Nullable ProvisionRequest request) {
		if (request == null) {
			throw PartnerApiException.unserviceable("The request needs a JSON body with uuid, plan and region");
		}
		if (blank(request.uuid())) {
			throw PartnerApiException.unserviceable("uuid is missing");
		}
		TenantId id;
		try {
			id = TenantId.of(request.uuid().trim());
		}
		catch (IllegalArgumentException ex) {
			throw PartnerApiException.unserviceable("uuid is not a UUID");
		}
		String plan = validPlan(request.plan());
		if (blank(request.region())) {
			throw PartnerApiException.unserviceable("region is missing");
		}
		if (!Regions.supports(request.region())) {
			throw PartnerApiException.unserviceable(
					"Strongroom is available in the Common Runtime regions us and eu; this app's region is not supported yet");
		}
		String name = blank(request.name()) ? id.toString() : request.name().trim();
		if (name.length() > 255) {
			throw PartnerApiException.unserviceable("name is longer than 255 characters");
		}
		String callbackUrl = optionalUrl("callback_url", request.callbackUrl());
		String logInputUrl = optionalUrl("log_input_url", request.logInputUrl());
		String grantCode = null;
		Instant grantExpiresAt = null;
		if (request.oauthGrant() != null) {
			if (blank(request.oauthGrant().code())) {
				throw PartnerApiException.unserviceable("oauth_grant.code is missing");
			}
			grantCode = request.oauthGrant().code();
			if (grantCode.length() > 512) {
				throw PartnerApiException.unserviceable("oauth_grant.code is longer than 512 characters");
			}
			grantExpiresAt = parseInstant(request.oauthGrant().expiresAt());
		}
		String options = null;
		if (request.options() != null && !request.options().isEmpty()) {
			try {
				options = this.json.writeValueAsString(request.options());
			}
			catch (JacksonException ex) {
				throw PartnerApiException.unserviceable("options is not a JSON object of strings");
			}
			if (options.length() > 8192) {
				throw PartnerApiException.unserviceable("options is larger than 8 KB");
			}
		}
		return new ValidProvision(id, name, plan, request.region(), callbackUrl, logInputUrl, options, grantCode,
				grantExpiresAt);
	}

	private String validPlan(@Nullable String plan) {
		if (blank(plan)) {
			throw PartnerApiException.unserviceable("plan is missing");
		}
		String known = String.join(", ", this.plans.all().keySet());
		if (this.plans.find(plan).isEmpty()) {
			throw PartnerApiException
				.unserviceable((SLUG.matcher(plan).matches() ? "Unknown plan " + plan : "Unknown plan")
						+ ". Strongroom's plans are " + known + ".");
		}
		return plan;
	}

	private static @Nullable String optionalUrl(String field, @Nullable String value) {
		if (blank(value)) {
			return null;
		}
		if (value.length() > 2048) {
			throw PartnerApiException.unserviceable(field + " is longer than 2048 characters");
		}
		try {
			URI uri = URI.create(value);
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw PartnerApiException.unserviceable(field + " is not an absolute URL");
			}
		}
		catch (IllegalArgumentException ex) {
			throw PartnerApiException.unserviceable(field + " is not a URL");
		}
		return value;
	}

	private static @Nullable Instant parseInstant(@Nullable String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// only informative: the exchange itself tells whether the grant is still
			// valid
			return null;
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static PartnerAnswer required(@Nullable PartnerAnswer answer) {
		if (answer == null) {
			throw new IllegalStateException("No answer was produced");
		}
		return answer;
	}

	private record ValidProvision(TenantId id, String name, String plan, String region, @Nullable String callbackUrl,
			@Nullable String logInputUrl, @Nullable String options, @Nullable String grantCode,
			@Nullable Instant grantExpiresAt) {

		@Override
		public String toString() {
			return "ValidProvision[id=" + this.id + ", plan=" + this.plan + "]";
		}

	}

}
