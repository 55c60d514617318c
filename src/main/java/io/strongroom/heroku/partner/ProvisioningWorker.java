package io.strongroom.heroku.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.strongroom.heroku.AddonAttachments;
import io.strongroom.heroku.HerokuAddon;
import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuAttachment;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.heroku.platform.OAuthTokens;
import io.strongroom.secrets.SecretBox;
import io.strongroom.secrets.SecretBoxException;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through due provisioning jobs on one background thread per process. Every web
 * process may run one: a job is claimed with a lease (compare-and-set on
 * {@code locked_until}) and each finished step is committed, so a crash costs at most one
 * repeated step and another process takes over once the lease expires. Heroku calls
 * happen outside database transactions.
 */
class ProvisioningWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ProvisioningWorker.class);

	private static final int BATCH = 20;

	private final ProvisioningJobRepository jobs;

	private final TenantRepository tenants;

	private final OAuthTokens tokens;

	private final HerokuPlatformClient platform;

	private final SecretBox box;

	private final TransactionTemplate transactions;

	private final PartnerProperties properties;

	private final String apiUrl;

	private final Clock clock;

	private final String owner = "worker-" + UUID.randomUUID();

	private volatile @Nullable ScheduledExecutorService executor;

	ProvisioningWorker(ProvisioningJobRepository jobs, TenantRepository tenants, OAuthTokens tokens,
			HerokuPlatformClient platform, SecretBox box, TransactionTemplate transactions,
			PartnerProperties properties, String apiUrl, Clock clock) {
		this.jobs = jobs;
		this.tenants = tenants;
		this.tokens = tokens;
		this.platform = platform;
		this.box = box;
		this.transactions = transactions;
		this.properties = properties;
		this.apiUrl = apiUrl;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!this.properties.jobs().enabled()) {
			logger.info("Provisioning jobs are disabled in this process (strongroom.heroku.jobs.enabled=false)");
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "heroku-provisioning");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.jobs().pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::runDueSafely, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
		started.execute(this::runDueSafely);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
				// an unfinished step is repeated by whichever process claims the job
				// after its lease
				running.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			running.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/** Looks for due jobs now instead of at the next poll (called after a commit). */
	void wake() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			try {
				running.execute(this::runDueSafely);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: the next process to poll picks the job up
			}
		}
	}

	private void runDueSafely() {
		try {
			runDue();
		}
		catch (RuntimeException ex) {
			logger.error("Provisioning worker run failed; retrying at the next poll: " + ex.getMessage());
		}
	}

	/** One pass: erase expired answer tokens, then work through due jobs. */
	void runDue() {
		Instant now = this.clock.instant();
		Integer erased = this.transactions.execute((status) -> this.jobs.eraseExpiredApiTokens(now));
		if (erased != null && erased > 0) {
			logger.info("Erased " + erased + " provision answer token(s) past their replay window");
		}
		List<UUID> due = this.jobs.findDue(now, PageRequest.of(0, BATCH));
		for (UUID id : due) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			Boolean claimed = this.transactions.execute((status) -> this.jobs.claim(id, this.owner,
					this.clock.instant().plus(this.properties.jobs().lease()), this.clock.instant()));
			if (Boolean.TRUE.equals(claimed)) {
				process(id);
			}
		}
	}

	private void process(UUID id) {
		// A concurrent change (a plan change, or master key rotation re-sealing the row)
		// bumps the
		// job's version: read it again and carry on while this process still holds the
		// lease.
		for (int attempt = 1; attempt <= 3; attempt++) {
			if (!processOnce(id, attempt == 3)) {
				return;
			}
		}
	}

	/** Returns whether the job changed under this process and is worth reading again. */
	private boolean processOnce(UUID id, boolean lastAttempt) {
		TenantId tenantId = new TenantId(id);
		try {
			while (true) {
				ProvisioningJob job = this.jobs.findById(id).orElse(null);
				if (job == null || job.state() != ProvisioningJob.State.PENDING
						|| !job.heldBy(this.owner, this.clock.instant())) {
					return false;
				}
				Tenant tenant = this.tenants.findById(id).orElse(null);
				if (tenant == null || tenant.isDeprovisioned()) {
					update(id, (j) -> j.cancel(this.clock.instant()));
					return false;
				}
				if (job.step() == ProvisioningJob.Step.DONE) {
					return false;
				}
				runStep(tenantId, job);
			}
		}
		catch (HerokuApiException ex) {
			failedStep(id, ex.getMessage(), ex.retryable());
			return false;
		}
		catch (SecretBoxException ex) {
			failedStep(id, ex.getMessage(), false);
			return false;
		}
		catch (OptimisticLockingFailureException ex) {
			// deprovisioned meanwhile, re-sealed, or the lease expired and another
			// process took over
			if (!lastAttempt) {
				return true;
			}
			logger.warn("Provisioning job of add-on " + id + " changed under this process; leaving it");
			return false;
		}
	}

	private void runStep(TenantId tenantId, ProvisioningJob job) {
		UUID id = tenantId.value();
		Duration lease = this.properties.jobs().lease();
		switch (job.step()) {
			case EXCHANGE_GRANT -> {
				String sealed = job.grantCodeSealed();
				if (sealed == null) {
					throw new HerokuApiException("The grant code of add-on " + id + " is gone", 0, null, false, null);
				}
				this.tokens.exchangeGrant(tenantId, this.box.open(sealed, ProvisioningJob.grantContext(id)));
				update(id, (j) -> j.grantExchanged(this.clock.instant(), lease));
			}
			case READ_ADDON -> {
				try {
					HerokuAddon addon = this.platform.addon(tenantId);
					if (addon.appId() != null) {
						Optional<String> attachedAs = attachmentName(tenantId, addon.appId());
						this.transactions
							.executeWithoutResult((status) -> this.tenants.findById(id).ifPresent((tenant) -> {
								tenant.appKnown(addon.appId(), addon.appName());
								attachedAs.ifPresent(tenant::attachedAs);
							}));
					}
				}
				catch (HerokuApiException ex) {
					if (ex.retryable()) {
						throw ex;
					}
					// the app id is useful, not essential: never block provisioning on it
					logger.warn("Could not read add-on " + id + " from the Platform API; continuing without its app: "
							+ ex.getMessage());
				}
				update(id, (j) -> j.addonRead(this.clock.instant(), lease));
			}
			case SET_CONFIG -> {
				String sealed = job.apiTokenSealed();
				if (sealed == null) {
					throw new HerokuApiException("The API token of add-on " + id + " is gone", 0, null, false, null);
				}
				Map<String, @Nullable String> config = new LinkedHashMap<>();
				config.put(Provisioning.URL_VAR, this.apiUrl);
				config.put(Provisioning.TOKEN_VAR, this.box.open(sealed, ProvisioningJob.apiTokenContext(id)));
				this.platform.updateConfig(tenantId, config);
				update(id, (j) -> j.configSet(this.clock.instant(), lease));
			}
			case MARK_PROVISIONED -> {
				this.platform.markProvisioned(tenantId);
				this.transactions.executeWithoutResult((status) -> {
					this.tenants.findById(id)
						.filter((tenant) -> !tenant.isDeprovisioned())
						.ifPresent(Tenant::provisioned);
					ProvisioningJob current = this.jobs.findById(id).orElseThrow();
					current.markedProvisioned(this.clock.instant());
				});
				logger.info("Add-on " + id + " is provisioned (config vars set, Heroku told)");
			}
			case DONE -> {
			}
		}
	}

	/**
	 * The name the add-on is attached under on its app, so the dashboard names its config
	 * vars right from the start; every launch reads it again (it can change at any time).
	 * Best effort: provisioning never waits for it.
	 */
	private Optional<String> attachmentName(TenantId tenantId, String appId) {
		try {
			return HerokuAttachment.nameOn(this.platform.attachments(tenantId), appId, AddonAttachments.DEFAULT_NAME);
		}
		catch (HerokuApiException ex) {
			logger.warn("Could not read the attachments of add-on " + tenantId + "; its config var names are read"
					+ " again before its first backup: " + ex.getMessage());
			return Optional.empty();
		}
	}

	private void failedStep(UUID id, String message, boolean retryable) {
		try {
			recordFailure(id, message, retryable);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.warn("Provisioning job of add-on " + id + " changed under this process; leaving it");
		}
	}

	private void recordFailure(UUID id, String message, boolean retryable) {
		Instant now = this.clock.instant();
		ProvisioningJob job = this.jobs.findById(id).orElse(null);
		if (job == null) {
			return;
		}
		if (retryable && now.isBefore(job.deadline())) {
			Duration wait = backoff(job.attempts() + 1);
			update(id, (j) -> j.retryAt(now.plus(wait), message, now));
			logger.warn("Provisioning step " + job.step() + " of add-on " + id + " failed (attempt "
					+ (job.attempts() + 1) + "); retrying in " + wait.toMillis() + " ms: " + message);
		}
		else {
			update(id, (j) -> j.failed(message, now));
			logger.error("Provisioning step " + job.step() + " of add-on " + id + " failed for good"
					+ (job.async() ? "; Heroku removes the add-on if it is not provisioned within 12 h" : "") + ": "
					+ message);
		}
	}

	private Duration backoff(int attempt) {
		Duration initial = this.properties.jobs().initialBackoff();
		Duration max = this.properties.jobs().maxBackoff();
		Duration wait = initial.multipliedBy(1L << Math.min(attempt - 1, 20));
		return (wait.compareTo(max) > 0) ? max : wait;
	}

	private void update(UUID id, java.util.function.Consumer<ProvisioningJob> change) {
		this.transactions.executeWithoutResult((status) -> {
			ProvisioningJob job = this.jobs.findById(id).orElseThrow();
			if (!job.heldBy(this.owner, this.clock.instant())) {
				throw new OptimisticLockingFailureException("Provisioning job " + id + " is no longer held");
			}
			change.accept(job);
		});
	}

	String owner() {
		return this.owner;
	}

}
