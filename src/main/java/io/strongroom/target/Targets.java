package io.strongroom.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.runner.Engine;
import io.strongroom.runner.Secret;
import io.strongroom.schedule.ScheduleNotAllowedException;
import io.strongroom.schedule.ScheduleSpec;
import io.strongroom.schedule.Schedules;
import io.strongroom.tenant.Plan;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's backup configuration: databases, destination, encryption key and
 * notification recipients. Every method is scoped to one tenant, so one tenant's ids are
 * never found from another's. Plan limits are checked here, where settings are saved, so
 * every way in (API, dashboard) enforces the same rules.
 * <p>
 * A save happens in three steps: everything that can be refused is checked first; then,
 * in Heroku mode, the secrets go to the customer's config vars (outside any database
 * transaction); then one transaction records the rest. A refused save changes nothing
 * anywhere.
 */
public class Targets {

	private static final Logger logger = LoggerFactory.getLogger(Targets.class);

	private static final Pattern TABLE = Pattern.compile("[^\\s.\"\\p{Cntrl}]{1,120}\\.[^\\s.\"\\p{Cntrl}]{1,120}");

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,32}");

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final BackupDatabaseRepository databases;

	private final DestinationRepository destinations;

	private final EncryptionKeyRepository keys;

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final TargetSecrets secrets;

	private final Schedules schedules;

	private final TargetProperties properties;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final ConnectionProbe.Clients dumpClients;

	private final ApplicationEventPublisher events;

	Targets(BackupDatabaseRepository databases, DestinationRepository destinations, EncryptionKeyRepository keys,
			TenantRepository tenants, PlanCatalog plans, TargetSecrets secrets, Schedules schedules,
			TargetProperties properties, JsonMapper json, TransactionTemplate transactions, Clock clock,
			ConnectionProbe.Clients dumpClients, ApplicationEventPublisher events) {
		this.databases = databases;
		this.destinations = destinations;
		this.keys = keys;
		this.tenants = tenants;
		this.plans = plans;
		this.secrets = secrets;
		this.schedules = schedules;
		this.properties = properties;
		this.json = json;
		this.transactions = transactions;
		this.reads = new TransactionTemplate(transactions.getTransactionManager());
		this.reads.setReadOnly(true);
		this.clock = clock;
		this.dumpClients = dumpClients;
		this.events = events;
	}

	// Databases

	public List<DatabaseView> databases(TenantId tenant) {
		return this.reads.execute((status) -> {
			Map<UUID, String> paused = pausedByPlan(tenant);
			return this.databases.findByTenantIdOrderByLabel(tenant.value())
				.stream()
				.map((database) -> view(database, paused.get(database.id().value())))
				.toList();
		});
	}

	public Optional<DatabaseView> database(TenantId tenant, DatabaseLabel label) {
		return this.reads
			.execute((status) -> this.databases.findByTenantIdAndLabel(tenant.value(), label.value()).map(this::view));
	}

	/**
	 * The labels of many databases in one read: what a batch of due schedule slots needs.
	 * A database that no longer exists, or that belongs to another tenant than the one
	 * given for it, is left out of the answer.
	 * @param owners each database and the tenant it is expected to belong to
	 */
	public Map<TargetId, DatabaseLabel> labels(Map<TargetId, TenantId> owners) {
		if (owners.isEmpty()) {
			return Map.of();
		}
		List<UUID> ids = owners.keySet().stream().map(TargetId::value).toList();
		return this.reads.execute((status) -> {
			Map<TargetId, DatabaseLabel> labels = new HashMap<>();
			for (BackupDatabaseRepository.LabelRow row : this.databases.findLabels(ids)) {
				TargetId id = new TargetId(row.getId());
				TenantId owner = owners.get(id);
				if (owner != null && owner.value().equals(row.getTenantId())) {
					labels.put(id, new DatabaseLabel(row.getLabel()));
				}
			}
			return labels;
		});
	}

	public Optional<DatabaseView> database(TenantId tenant, TargetId target) {
		return this.reads
			.execute((status) -> this.databases.findByTenantIdAndId(tenant.value(), target.value()).map(this::view));
	}

	/**
	 * Adds or replaces a database. Checks the plan (number of databases, frequency), the
	 * URL (engine from its scheme), exclusions, dump options and the schedule, then
	 * stores the URL where the secrets mode says and schedules it.
	 */
	public SavedDatabase saveDatabase(TenantId tenant, DatabaseLabel label, DatabaseSettings settings) {
		ConnectionUrl url = (settings.url() != null) ? ConnectionUrl.parse("url", settings.url()) : null;
		boolean removeVerification = settings.verificationUrl() != null && settings.verificationUrl().value().isBlank();
		ConnectionUrl verification = (settings.verificationUrl() != null && !removeVerification)
				? ConnectionUrl.parse("verificationUrl", settings.verificationUrl()) : null;
		List<String> excludeTables = excludeTables(settings.excludeTables());
		String retention = retention(settings.retention());
		ScheduleSpec schedule = (settings.schedule() != null) ? settings.schedule().toSpec() : ScheduleSpec.manual();
		if (this.secrets.heroku() && !HerokuConfigVarNames.declares(label)) {
			throw HerokuConfigVarNames.undeclared(label);
		}
		// 1. Everything that can be refused.
		Engine engine = this.reads.execute((status) -> check(tenant, label, url, schedule));
		if (verification != null && (verification.engine() == Engine.POSTGRES) != (engine == Engine.POSTGRES)) {
			throw new InvalidSettingsException("verificationUrl",
					"verificationUrl must be a database of the same engine as url ("
							+ engine.name().toLowerCase(Locale.ROOT) + ")");
		}
		String options = write(
				DumpOptionsCheck.check(engine, (settings.options() != null) ? settings.options() : Map.of()));
		// 2. Heroku mode: the customer's config vars.
		Map<String, @Nullable String> vars = new LinkedHashMap<>();
		if (settings.url() != null) {
			vars.put(label.urlEnvironmentVariable(), settings.url().value().trim());
		}
		if (verification != null) {
			vars.put(label.verificationUrlEnvironmentVariable(), settings.verificationUrl().value().trim());
		}
		else if (removeVerification) {
			vars.put(label.verificationUrlEnvironmentVariable(), null);
		}
		this.secrets.toConfigVars(tenant, vars);
		// 3. The record, the schedule and (local mode) the sealed secrets, together.
		return this.transactions.execute((status) -> {
			Plan plan = plan(tenant);
			BackupDatabase database = this.databases.findByTenantIdAndLabel(tenant.value(), label.value()).orElse(null);
			boolean created = database == null;
			if (created) {
				requireRoom(tenant, plan);
				database = BackupDatabase.added(tenant, label, url.engine(), url.masked(), this.clock.instant());
			}
			else if (url != null) {
				database.urlChanged(url.engine(), url.masked(), this.clock.instant());
			}
			database.settingsChanged(write(excludeTables), options, retention, this.clock.instant());
			if (verification != null) {
				database.verificationUrlChanged(verification.masked(), this.clock.instant());
			}
			else if (removeVerification) {
				database.verificationUrlChanged(null, this.clock.instant());
			}
			database = this.databases.saveAndFlush(database);
			this.schedules.put(tenant, database.id().value(), schedule);
			if (pausedByPlan(tenant).containsKey(database.id().value())) {
				// A new schedule of a database beyond the plan's number stays paused.
				this.schedules.pause(database.id().value());
			}
			if (!this.secrets.heroku()) {
				Map<String, @Nullable Secret> sealed = new LinkedHashMap<>();
				if (settings.url() != null) {
					sealed.put(TargetSecrets.urlName(label), new Secret(settings.url().value().trim()));
				}
				if (verification != null) {
					sealed.put(TargetSecrets.verificationName(label),
							new Secret(settings.verificationUrl().value().trim()));
				}
				else if (removeVerification) {
					sealed.put(TargetSecrets.verificationName(label), null);
				}
				this.secrets.toVault(tenant, sealed);
			}
			return new SavedDatabase(view(database), created);
		});
	}

	/**
	 * The checks of a save that need the database; returns the engine the save will have.
	 */
	private Engine check(TenantId tenant, DatabaseLabel label, @Nullable ConnectionUrl url, ScheduleSpec schedule) {
		Plan plan = plan(tenant);
		if (!schedule.allowedBy(plan)) {
			throw new ScheduleNotAllowedException(plan.slug(), schedule.frequency(),
					"The " + plan.slug() + " plan does not allow " + schedule.describe() + " backups; it allows "
							+ allowed(plan)
							+ ". Choose one of those (or manual), or upgrade the plan (heroku addons:upgrade).");
		}
		Optional<BackupDatabase> existing = this.databases.findByTenantIdAndLabel(tenant.value(), label.value());
		if (existing.isEmpty()) {
			if (url == null) {
				throw new InvalidSettingsException("url",
						"url is required when adding a database, for example postgres://user:password@host:5432/db");
			}
			requireRoom(tenant, plan);
			return url.engine();
		}
		return (url != null) ? url.engine() : existing.get().engine();
	}

	private void requireRoom(TenantId tenant, Plan plan) {
		if (this.databases.countByTenantId(tenant.value()) >= plan.maxDatabases()) {
			throw new PlanLimitExceededException(plan.slug(),
					"The " + plan.slug() + " plan allows " + plan.maxDatabases() + " database"
							+ ((plan.maxDatabases() == 1) ? "" : "s")
							+ ". Remove one or upgrade the plan (heroku addons:upgrade).");
		}
	}

	public void deleteDatabase(TenantId tenant, DatabaseLabel label) {
		database(tenant, label).orElseThrow(() -> notFound(label));
		Map<String, @Nullable String> vars = new LinkedHashMap<>();
		vars.put(label.urlEnvironmentVariable(), null);
		vars.put(label.verificationUrlEnvironmentVariable(), null);
		this.secrets.toConfigVars(tenant, vars);
		this.transactions.executeWithoutResult((status) -> {
			this.databases.findByTenantIdAndLabel(tenant.value(), label.value()).ifPresent((database) -> {
				this.schedules.remove(database.id().value());
				this.databases.delete(database);
				this.events.publishEvent(new DatabaseRemoved(tenant, database.id(), label));
			});
			Map<String, @Nullable Secret> sealed = new LinkedHashMap<>();
			sealed.put(TargetSecrets.urlName(label), null);
			sealed.put(TargetSecrets.verificationName(label), null);
			this.secrets.toVault(tenant, sealed);
		});
		// One fewer: a database paused by the plan's limit may run again.
		applyPlanLimits(tenant);
	}

	// Plan limits

	/**
	 * The tenant's databases beyond its plan's number, each with the reason it is paused.
	 * A downgrade deletes nothing: the databases added first, up to the plan's number,
	 * keep their schedules, and the others wait (their schedules paused) until the
	 * customer deletes some or upgrades. A pure function of what is stored, so every
	 * process agrees without remembering anything.
	 */
	private Map<UUID, String> pausedByPlan(TenantId tenant) {
		Optional<Plan> plan = this.tenants.findById(tenant.value()).flatMap((found) -> this.plans.find(found.plan()));
		if (plan.isEmpty()) {
			return Map.of();
		}
		List<BackupDatabase> oldestFirst = this.databases.findByTenantIdOrderByCreatedAtAscIdAsc(tenant.value());
		int allowed = plan.get().maxDatabases();
		Map<UUID, String> paused = new LinkedHashMap<>();
		for (int i = allowed; i < oldestFirst.size(); i++) {
			BackupDatabase database = oldestFirst.get(i);
			paused.put(database.id().value(), pausedReason(plan.get(), oldestFirst.size(), database.label()));
		}
		return paused;
	}

	static String pausedReason(Plan plan, int databases, DatabaseLabel label) {
		int allowed = plan.maxDatabases();
		return "Backups of " + label + " are paused: the " + plan.slug() + " plan allows " + allowed + " database"
				+ ((allowed == 1) ? "" : "s") + " and this add-on has " + databases + "; the " + allowed
				+ " added first are backed up. Delete a database (DELETE /api/v1/databases/{label}) or upgrade the"
				+ " plan (heroku addons:upgrade) to resume them. No backup was deleted.";
	}

	/**
	 * Pauses the schedules of the databases beyond the plan's number and resumes the
	 * others. Idempotent; run after every change of the plan or of the databases.
	 */
	public void applyPlanLimits(TenantId tenant) {
		this.transactions.executeWithoutResult((status) -> {
			Map<UUID, String> paused = pausedByPlan(tenant);
			for (BackupDatabase database : this.databases.findByTenantIdOrderByCreatedAtAscIdAsc(tenant.value())) {
				UUID id = database.id().value();
				if (paused.containsKey(id) ? this.schedules.pause(id) : this.schedules.resume(id)) {
					logger.info("Add-on {}: scheduled backups of {} {}", tenant, database.label(),
							paused.containsKey(id) ? "paused (beyond the plan's number of databases)" : "resumed");
				}
			}
		});
	}

	// Destination

	public Optional<DestinationView> destination(TenantId tenant) {
		return this.reads.execute((status) -> this.destinations.findById(tenant.value())
			.filter((destination) -> destination.type() != null)
			.map(Targets::view));
	}

	/**
	 * Replaces the tenant's destination. Filesystem folders only where the operator
	 * allows them ({@code strongroom.target.filesystem-destinations}).
	 */
	public DestinationView saveDestination(TenantId tenant, DestinationSettings settings) {
		String type = (settings.type() != null) ? settings.type().trim().toLowerCase(Locale.ROOT) : "";
		String prefix = prefix(settings.prefix());
		boolean wasS3 = destination(tenant).map((d) -> d.type() == DestinationType.S3).orElse(false);
		return switch (type) {
			case "s3" -> saveS3(tenant, settings, prefix, wasS3);
			case "filesystem" -> saveFilesystem(tenant, settings, prefix, wasS3);
			default -> throw new InvalidSettingsException("type", "type must be s3 or filesystem");
		};
	}

	private DestinationView saveS3(TenantId tenant, DestinationSettings settings, String prefix, boolean wasS3) {
		String bucket = required(settings.bucket(), "bucket", "bucket is required for an S3 destination");
		if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
			throw new InvalidSettingsException("bucket",
					"bucket must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens");
		}
		String region = (settings.region() != null && !settings.region().isBlank()) ? settings.region().trim()
				: "us-east-1";
		if (!REGION.matcher(region).matches()) {
			throw new InvalidSettingsException("region",
					"region must be an AWS region name such as us-east-1 or eu-central-1");
		}
		String endpoint = endpoint(settings.endpoint());
		Secret accessKeyId = settings.accessKeyId();
		Secret secretAccessKey = settings.secretAccessKey();
		if ((accessKeyId == null) != (secretAccessKey == null)) {
			throw new InvalidSettingsException((accessKeyId == null) ? "accessKeyId" : "secretAccessKey",
					"Send accessKeyId and secretAccessKey together, or neither to keep the saved ones");
		}
		boolean newCredentials = accessKeyId != null;
		if (newCredentials) {
			accessKeyId = credential(accessKeyId, "accessKeyId", 3, 128);
			secretAccessKey = credential(secretAccessKey, "secretAccessKey", 3, 256);
		}
		else {
			if (!wasS3) {
				throw new InvalidSettingsException("accessKeyId",
						"accessKeyId and secretAccessKey are required for a new S3 destination");
			}
			Optional<Secret> savedId = this.reads
				.execute((status) -> this.secrets.fromVault(tenant, TargetSecrets.ACCESS_KEY_ID));
			Optional<Secret> savedSecret = this.reads
				.execute((status) -> this.secrets.fromVault(tenant, TargetSecrets.SECRET_ACCESS_KEY));
			if (savedId.isEmpty() || savedSecret.isEmpty()) {
				throw new InvalidSettingsException("accessKeyId",
						"The saved S3 credentials are gone; send accessKeyId and secretAccessKey");
			}
			accessKeyId = savedId.get();
			secretAccessKey = savedSecret.get();
		}
		boolean pathStyle = (settings.pathStyle() != null) ? settings.pathStyle() : endpoint != null;
		if (newCredentials) {
			Map<String, @Nullable String> vars = new LinkedHashMap<>();
			vars.put(RunnerEnvironment.AWS_ACCESS_KEY_ID, accessKeyId.value());
			vars.put(RunnerEnvironment.AWS_SECRET_ACCESS_KEY, secretAccessKey.value());
			this.secrets.toConfigVars(tenant, vars);
		}
		Secret id = accessKeyId;
		Secret secret = secretAccessKey;
		return this.transactions.execute((status) -> {
			Destination destination = this.destinations.findById(tenant.value())
				.orElseGet(() -> Destination.of(tenant));
			destination.s3(bucket, region, endpoint, pathStyle, prefix, Fingerprints.maskAccessKeyId(id.value()),
					Fingerprints.of(secret), this.clock.instant());
			this.destinations.saveAndFlush(destination);
			// Kept in both modes: pruning and download links run in the web process.
			Map<String, @Nullable Secret> sealed = new LinkedHashMap<>();
			sealed.put(TargetSecrets.ACCESS_KEY_ID, id);
			sealed.put(TargetSecrets.SECRET_ACCESS_KEY, secret);
			this.secrets.toVault(tenant, sealed);
			return view(destination);
		});
	}

	private DestinationView saveFilesystem(TenantId tenant, DestinationSettings settings, String prefix,
			boolean wasS3) {
		if (!this.properties.filesystemDestinations()) {
			throw new InvalidSettingsException("type",
					"This Strongroom does not allow filesystem destinations; use an S3 bucket (type s3)");
		}
		String path = required(settings.path(), "path", "path is required for a filesystem destination");
		if (!path.startsWith("/") || path.length() > 1000 || List.of(path.split("/")).contains("..")
				|| path.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidSettingsException("path",
					"path must be an absolute folder such as /var/backups/strongroom");
		}
		if (wasS3) {
			Map<String, @Nullable String> vars = new LinkedHashMap<>();
			vars.put(RunnerEnvironment.AWS_ACCESS_KEY_ID, null);
			vars.put(RunnerEnvironment.AWS_SECRET_ACCESS_KEY, null);
			this.secrets.toConfigVars(tenant, vars);
		}
		return this.transactions.execute((status) -> {
			Destination destination = this.destinations.findById(tenant.value())
				.orElseGet(() -> Destination.of(tenant));
			destination.filesystem(path, prefix, this.clock.instant());
			this.destinations.saveAndFlush(destination);
			Map<String, @Nullable Secret> sealed = new LinkedHashMap<>();
			sealed.put(TargetSecrets.ACCESS_KEY_ID, null);
			sealed.put(TargetSecrets.SECRET_ACCESS_KEY, null);
			this.secrets.toVault(tenant, sealed);
			return view(destination);
		});
	}

	/**
	 * The destination with its credentials, for the web process's own calls to it. Never
	 * return this to a client.
	 */
	public Optional<DestinationAccess> destinationAccess(TenantId tenant) {
		return this.reads.execute((status) -> this.destinations.findById(tenant.value())
			.filter((destination) -> destination.type() != null)
			.map((destination) -> access(tenant, destination)));
	}

	// Encryption key

	/**
	 * Generates 32 random bytes (64 hex digits); the result is the only time it is shown.
	 */
	public IssuedEncryptionKey generateEncryptionKey(TenantId tenant) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		Secret key = new Secret(HexFormat.of().formatHex(bytes));
		return storeKey(tenant, key, EncryptionKeyRecord.Origin.GENERATED);
	}

	/**
	 * Sets the customer's own key (at least 32 characters); the answer holds its
	 * fingerprint (never the key) and that of the key it replaced.
	 */
	public IssuedEncryptionKey setEncryptionKey(TenantId tenant, Secret key) {
		String value = key.value();
		if (value.length() < 32) {
			throw new InvalidSettingsException("key",
					"key must be at least 32 characters long; or send {\"generate\": true} to have one generated");
		}
		if (value.length() > 1024 || value.chars().anyMatch(Character::isISOControl) || !value.equals(value.strip())) {
			throw new InvalidSettingsException("key",
					"key must be at most 1024 characters, without control characters or surrounding spaces");
		}
		IssuedEncryptionKey stored = storeKey(tenant, key, EncryptionKeyRecord.Origin.CUSTOMER);
		return new IssuedEncryptionKey(null, stored.fingerprint(), stored.previousFingerprint());
	}

	public Optional<String> encryptionKeyFingerprint(TenantId tenant) {
		return this.reads.execute((status) -> this.keys.findById(tenant.value()).map(EncryptionKeyRecord::fingerprint));
	}

	/**
	 * Stores the key; the answer names the key it replaced (backups made until now need
	 * that one), unless it was the same key.
	 */
	private IssuedEncryptionKey storeKey(TenantId tenant, Secret key, EncryptionKeyRecord.Origin origin) {
		this.reads.execute((status) -> plan(tenant));
		Map<String, @Nullable String> vars = new LinkedHashMap<>();
		vars.put(RunnerEnvironment.ENCRYPTION_KEY, key.value());
		this.secrets.toConfigVars(tenant, vars);
		String fingerprint = Fingerprints.of(key);
		String previous = this.transactions.execute((status) -> {
			EncryptionKeyRecord record = this.keys.findById(tenant.value())
				.orElseGet(() -> EncryptionKeyRecord.of(tenant));
			String replaced = record.fingerprint();
			record.replaced(fingerprint, origin, this.clock.instant());
			this.keys.saveAndFlush(record);
			if (!this.secrets.heroku()) {
				Map<String, @Nullable Secret> sealed = new LinkedHashMap<>();
				sealed.put(TargetSecrets.ENCRYPTION_KEY, key);
				this.secrets.toVault(tenant, sealed);
			}
			return (replaced != null && !replaced.equals(fingerprint)) ? replaced : null;
		});
		return new IssuedEncryptionKey(key, fingerprint, previous);
	}

	// For the run module

	/**
	 * Everything a backup of this database needs, or {@link TargetNotReadyException}
	 * naming what is still missing, or {@link PlanLimitExceededException} when the
	 * database is beyond the plan's number of databases (its backups are paused).
	 */
	public RunnableTarget runnable(TenantId tenantId, TargetId target) {
		return this.reads.execute((status) -> {
			BackupDatabase database = this.databases.findByTenantIdAndId(tenantId.value(), target.value())
				.orElseThrow(() -> new TargetNotFoundException("No database " + target + " on this add-on"));
			Tenant tenant = this.tenants.findById(tenantId.value())
				.orElseThrow(() -> new TargetNotFoundException("No add-on " + tenantId));
			String paused = pausedByPlan(tenantId).get(database.id().value());
			if (paused != null) {
				throw new PlanLimitExceededException(tenant.plan(), paused);
			}
			Destination saved = this.destinations.findById(tenantId.value())
				.filter((destination) -> destination.type() != null)
				.orElseThrow(() -> new TargetNotReadyException("destination",
						"Set a destination first (PUT /api/v1/destination) so the backup has somewhere to go"));
			DestinationAccess destination = access(tenantId, saved);
			if (this.keys.findById(tenantId.value()).isEmpty()) {
				throw new TargetNotReadyException("encryption-key",
						"Set an encryption key first (POST /api/v1/encryption-key with {\"generate\": true})");
			}
			Map<String, Secret> environment = new LinkedHashMap<>();
			if (!this.secrets.heroku()) {
				DatabaseLabel label = database.label();
				environment.put(label.urlEnvironmentVariable(),
						this.secrets.fromVault(tenantId, TargetSecrets.urlName(label))
							.orElseThrow(() -> new TargetNotReadyException("database-url", "The URL of " + label
									+ " is not saved; PUT /api/v1/databases/" + label + " with its url")));
				environment.put(RunnerEnvironment.ENCRYPTION_KEY,
						this.secrets.fromVault(tenantId, TargetSecrets.ENCRYPTION_KEY)
							.orElseThrow(() -> new TargetNotReadyException("encryption-key",
									"The encryption key is not saved; POST /api/v1/encryption-key")));
				if (destination.type() == DestinationType.S3) {
					environment.put(RunnerEnvironment.AWS_ACCESS_KEY_ID, destination.accessKeyId());
					environment.put(RunnerEnvironment.AWS_SECRET_ACCESS_KEY, destination.secretAccessKey());
				}
			}
			AppConfigVars names = configVars(tenant);
			return new RunnableTarget(tenantId, tenant.name(), database.id(), database.label(), database.engine(),
					names.name(database.label().urlEnvironmentVariable()), read(database.excludeTablesJson(), STRINGS),
					read(database.dumpOptionsJson(), OBJECT), destination, names.name(RunnerEnvironment.ENCRYPTION_KEY),
					Map.copyOf(environment), names);
		});
	}

	/**
	 * The names of the add-on's config vars on the tenant's app: with the name the add-on
	 * is attached under as their prefix (Heroku mode, once known), else as declared.
	 */
	public AppConfigVars configVars(TenantId tenant) {
		return this.reads.execute((status) -> this.tenants.findById(tenant.value())
			.map(this::configVars)
			.orElse(AppConfigVars.AS_DECLARED));
	}

	private AppConfigVars configVars(Tenant tenant) {
		return this.secrets.heroku() ? new AppConfigVars(tenant.attachmentName()) : AppConfigVars.AS_DECLARED;
	}

	/** The saved URL of a database; empty in Heroku mode, where it is not kept. */
	public Optional<Secret> databaseUrl(TenantId tenant, DatabaseLabel label) {
		if (this.secrets.heroku()) {
			return Optional.empty();
		}
		return this.reads.execute((status) -> this.secrets.fromVault(tenant, TargetSecrets.urlName(label)));
	}

	/**
	 * The saved verification database URL; empty in Heroku mode, where it is not kept.
	 */
	public Optional<Secret> verificationUrl(TenantId tenant, DatabaseLabel label) {
		if (this.secrets.heroku()) {
			return Optional.empty();
		}
		return this.reads.execute((status) -> this.secrets.fromVault(tenant, TargetSecrets.verificationName(label)));
	}

	/**
	 * Tests a database's connection: the given URL, or the saved one (local mode only: in
	 * Heroku mode the URL lives only in the customer's config vars, so the caller must
	 * send it). What the database's settings leave out of the backup is left out of the
	 * test.
	 */
	public ConnectionReport testConnection(TenantId tenant, DatabaseLabel label, @Nullable Secret url) {
		DatabaseView database = database(tenant, label).orElseThrow(() -> notFound(label));
		Secret tested = (url != null) ? url
				: databaseUrl(tenant, label).orElseThrow(() -> new TargetNotReadyException("database-url",
						"Strongroom does not keep this database's URL (Heroku mode: it is in your app's config var "
								+ configVars(tenant).name(label.urlEnvironmentVariable())
								+ "); send it as {\"url\": \"...\"} to test it"));
		return ConnectionProbe.probe(ConnectionUrl.parse("url", tested).parsed(), this.dumpClients,
				DumpScope.of(database.excludeTables(), database.options()));
	}

	/**
	 * Tests the destination: access, then put, read back and delete a probe object under
	 * its prefix.
	 */
	public DestinationReport testDestination(TenantId tenant) {
		DestinationAccess destination = destinationAccess(tenant)
			.orElseThrow(() -> new TargetNotReadyException("destination",
					"No destination is set yet; PUT /api/v1/destination first"));
		return DestinationProbe.probe(destination);
	}

	/**
	 * Whether Strongroom keeps database URLs (local mode) or only the customer's app
	 * does.
	 */
	public boolean keepsDatabaseUrls() {
		return !this.secrets.heroku();
	}

	/**
	 * Deprovisioning: forget every secret. Schedules are stopped by the scheduler itself;
	 * backups stay in the customer's bucket.
	 */
	public void erase(TenantId tenant) {
		this.transactions.executeWithoutResult((status) -> this.secrets.erase(tenant));
	}

	private Plan plan(TenantId tenantId) {
		Tenant tenant = this.tenants.findById(tenantId.value())
			.orElseThrow(() -> new TargetNotFoundException("No add-on " + tenantId));
		return this.plans.find(tenant.plan())
			.orElseThrow(() -> new IllegalStateException("Plan " + tenant.plan() + " is not in the plan catalog"));
	}

	private static String allowed(Plan plan) {
		return String.join(", ",
				ScheduleSpec.BY_FREQUENCY.stream()
					.filter(plan::allows)
					.map((frequency) -> frequency.name().toLowerCase(Locale.ROOT))
					.toList());
	}

	private static List<String> excludeTables(@Nullable List<String> tables) {
		if (tables == null) {
			return List.of();
		}
		if (tables.size() > 500) {
			throw new InvalidSettingsException("excludeTables", "excludeTables holds at most 500 tables");
		}
		LinkedHashSet<String> cleaned = new LinkedHashSet<>();
		for (String table : tables) {
			String name = (table != null) ? table.trim() : "";
			if (!TABLE.matcher(name).matches()) {
				throw new InvalidSettingsException("excludeTables",
						"Each excluded table is schema.table (for example public.audit_log); not: "
								+ name.substring(0, Math.min(name.length(), 80)));
			}
			cleaned.add(name);
		}
		return List.copyOf(cleaned);
	}

	private @Nullable String retention(@Nullable Map<String, Object> retention) {
		if (retention == null) {
			return null;
		}
		String text = write(retention);
		if (text.length() > 4000) {
			throw new InvalidSettingsException("retention", "retention settings are too large");
		}
		return text;
	}

	private static String prefix(@Nullable String prefix) {
		if (prefix == null || prefix.isBlank()) {
			return "backups";
		}
		String trimmed = prefix.trim();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		List<String> parts = List.of(trimmed.split("/", -1));
		if (trimmed.isEmpty() || trimmed.length() > 200 || parts.contains("") || parts.contains("..")
				|| parts.contains(".") || trimmed.chars().anyMatch((c) -> Character.isISOControl(c) || c == '\\')) {
			throw new InvalidSettingsException("prefix",
					"prefix must be a folder name such as backups or team/backups (at most 200 characters)");
		}
		return trimmed;
	}

	private static @Nullable String endpoint(@Nullable String endpoint) {
		if (endpoint == null || endpoint.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(endpoint.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidSettingsException("endpoint",
					"endpoint must be the URL of an S3-compatible server, such as https://s3.example.com");
		}
		if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null) {
			throw new InvalidSettingsException("endpoint",
					"endpoint must be an http:// or https:// URL of an S3-compatible server, without credentials,"
							+ " query or fragment");
		}
		String value = uri.toString();
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static Secret credential(Secret value, String field, int min, int max) {
		String trimmed = value.value().trim();
		if (trimmed.length() < min || trimmed.length() > max || trimmed.chars().anyMatch(Character::isWhitespace)) {
			throw new InvalidSettingsException(field,
					field + " must be " + min + " to " + max + " characters without spaces");
		}
		return new Secret(trimmed);
	}

	private static String required(@Nullable String value, String field, String message) {
		if (value == null || value.isBlank()) {
			throw new InvalidSettingsException(field, message);
		}
		return value.trim();
	}

	private static TargetNotFoundException notFound(DatabaseLabel label) {
		return new TargetNotFoundException("No database labelled " + label + " on this add-on");
	}

	private DatabaseView view(BackupDatabase database) {
		return view(database, pausedByPlan(database.tenantId()).get(database.id().value()));
	}

	private DatabaseView view(BackupDatabase database, @Nullable String paused) {
		Map<String, Object> retention = (database.retentionJson() != null) ? read(database.retentionJson(), OBJECT)
				: null;
		return new DatabaseView(database.id(), database.label(), database.engine().name().toLowerCase(Locale.ROOT),
				database.urlMasked(),
				this.secrets.heroku() ? configVars(database.tenantId()).name(database.label().urlEnvironmentVariable())
						: null,
				database.verificationUrlMasked(),
				this.schedules.find(database.id().value()).orElseGet(ScheduleSpec::manual).toFields(),
				read(database.excludeTablesJson(), STRINGS), read(database.dumpOptionsJson(), OBJECT), retention,
				database.createdAt(), database.updatedAt(), paused);
	}

	private static DestinationView view(Destination destination) {
		return new DestinationView(destination.type(), destination.bucket(), destination.region(),
				destination.endpoint(), destination.pathStyle(), destination.prefix(), destination.accessKeyIdMasked(),
				destination.secretFingerprint(), destination.path(), destination.updatedAt());
	}

	private DestinationAccess access(TenantId tenant, Destination destination) {
		boolean s3 = destination.type() == DestinationType.S3;
		return new DestinationAccess(destination.type(), destination.bucket(), destination.region(),
				destination.endpoint(), destination.pathStyle(), destination.prefix(), destination.path(),
				s3 ? this.secrets.fromVault(tenant, TargetSecrets.ACCESS_KEY_ID).orElse(null) : null,
				s3 ? this.secrets.fromVault(tenant, TargetSecrets.SECRET_ACCESS_KEY).orElse(null) : null);
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new InvalidSettingsException("options", "Settings must be plain JSON values");
		}
	}

	private <T> T read(String value, TypeReference<T> type) {
		return this.json.readValue(value, type);
	}

}
