package io.strongroom.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.heroku.AddonAttachments;
import io.strongroom.heroku.AttachmentUnknownException;
import io.strongroom.heroku.DynoRequest;
import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuDyno;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.tenant.TenantId;

/**
 * Runs each runner as a detached one-off dyno on the customer's app, with the add-on's
 * own Platform API token ({@code POST /apps/{app}/dynos}). The dyno inherits the app's
 * config vars, so the customer's secrets never pass through Strongroom; only the ticket
 * travels, in the dyno's environment. Its command is a short bootstrap that downloads the
 * runner bundle from {@code STRONGROOM_BASE_URL}, refuses it unless its SHA-256 is the
 * one this process serves, and runs it. The Platform API client retries a create answered
 * 409 (release not ready) or 429 (rate limit) with backoff and paces calls while
 * {@code RateLimit-Remaining} is low. The watchdog polls each dyno's state; a crashed or
 * vanished dyno fails its run.
 * <p>
 * At most {@code maxConcurrent} dynos at once across every web process: the jobs under
 * way are counted in the database ({@link LaunchedRunners}), so a job's place is free as
 * soon as the job ends, however it ends, and a restart forgets none.
 * <p>
 * The runner reads its secrets from the app's config vars, whose prefix is the name the
 * add-on is attached under there ({@code BACKUPS_DATABASE_URL} after
 * {@code heroku addons:create strongroom --as BACKUPS}). The customer can attach, detach
 * and rename at any time without Strongroom being told, so every launch first reads the
 * attachment from the Platform API ({@link AddonAttachments}) and remembers it; the spec
 * the runner then fetches names the config vars with that prefix. When Heroku cannot say
 * and no name is remembered, the launch fails rather than guess.
 */
class HerokuRunLauncher implements RunLauncher {

	private static final Logger logger = LoggerFactory.getLogger(HerokuRunLauncher.class);

	private static final Set<String> ALIVE = Set.of("starting", "up", "idle", "restarting");

	private final HerokuPlatformClient heroku;

	private final AddonAttachments attachments;

	private final RunnerBundle bundle;

	private final String baseUrl;

	private final String size;

	private final List<String> jvmOptions;

	private final Duration timeToLive;

	private final int maxConcurrent;

	private final LaunchedRunners launched;

	HerokuRunLauncher(HerokuPlatformClient heroku, AddonAttachments attachments, RunnerBundle bundle, String baseUrl,
			String size, Duration timeToLive, int maxConcurrent, LaunchedRunners launched) {
		this.heroku = heroku;
		this.attachments = attachments;
		this.bundle = bundle;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.size = size;
		this.jvmOptions = LocalRunnerCommand.jvmOptions(RunnerHeap.forDyno(size));
		if (RunnerHeap.dynoMemoryMib(size).isEmpty()) {
			logger.warn(
					"Dyno size {} is not one Strongroom knows the memory of; runners get the heap of the smallest"
							+ " dyno ({}), so backups of very large databases fail early asking for a larger size",
					size, this.jvmOptions.get(1));
		}
		this.timeToLive = timeToLive;
		this.maxConcurrent = maxConcurrent;
		this.launched = launched;
	}

	@Override
	public String name() {
		return "heroku";
	}

	@Override
	public int capacity() {
		return this.maxConcurrent - this.launched.count(name());
	}

	@Override
	public boolean hasRoomForAnother() {
		return this.launched.countForClaim(name()) < this.maxConcurrent;
	}

	@Override
	public LaunchHandle launch(LaunchRequest request) throws LaunchException {
		if (request.herokuAppId() == null) {
			throw new LaunchException("Heroku has not told Strongroom which app this add-on belongs to yet"
					+ " (provisioning is not complete); the next backup will try again");
		}
		RunnerBundle.Current current = this.bundle.current()
			.orElseThrow(() -> new LaunchException("This Strongroom has no runner bundle to give the dyno; the"
					+ " operator builds it with ./mvnw -B package (target/strongroom-runner.tar.gz)"));
		String attachedAs;
		try {
			attachedAs = this.attachments.refresh(request.tenant(), request.herokuAppId());
		}
		catch (AttachmentUnknownException ex) {
			throw new LaunchException(ex.getMessage(), ex);
		}
		Map<String, String> env = new LinkedHashMap<>();
		request.environment().forEach((name, secret) -> env.put(name, secret.value()));
		env.put(LaunchRequest.TICKET_ENV, request.ticket().value());
		DynoRequest dyno = new DynoRequest(bootstrap(this.baseUrl, current.sha256(), this.jvmOptions,
				request.job().command(), request.callbackUrl().toString()), env, this.size, this.timeToLive);
		HerokuDyno started;
		try {
			started = this.heroku.createDyno(request.tenant(), request.herokuAppId(), dyno);
		}
		catch (HerokuApiException ex) {
			throw new LaunchException("Heroku did not start the one-off dyno: " + ex.getMessage(), ex);
		}
		String ref = request.tenant() + "/" + request.herokuAppId() + "/" + started.id();
		logger.info("{}: dyno {} started on app {}, where the add-on is attached as {}", request.job(), started.name(),
				request.herokuAppId(), attachedAs);
		return new LaunchHandle(name(), ref);
	}

	/**
	 * The dyno's command: download, check, unpack, run {@code command} ({@code backup} or
	 * {@code verify}) with the runner's JVM options for the dyno's size. Only the base
	 * URL, the bundle's hash and the run's URL are in it; the ticket is in the dyno's
	 * environment. The runner starts in the bundle's folder, where its class-data archive
	 * expects the class path.
	 */
	static String bootstrap(String baseUrl, String sha256, List<String> jvmOptions, String command, String runUrl) {
		String bundleUrl = baseUrl + "/runner/bundle/" + RunnerBundle.FILE_NAME;
		StringBuilder environment = new StringBuilder();
		LocalRunnerCommand.ENVIRONMENT
			.forEach((name, value) -> environment.append(name).append('=').append(value).append(' '));
		return "set -eu; d=$(mktemp -d); curl -fsSL --retry 5 --retry-connrefused -o \"$d/r.tgz\" " + quote(bundleUrl)
				+ "; echo " + quote(sha256 + "  ") + "\"$d/r.tgz\" | sha256sum -c --status -"
				+ " || { echo 'strongroom: the runner bundle does not match its SHA-256; not running it' >&2; exit 2; }"
				+ "; tar -xzf \"$d/r.tgz\" -C \"$d\"; cd \"$d/strongroom-runner\"; " + environment + "exec bin/java "
				+ "-XX:SharedArchiveFile=" + RunnerBundle.CLASS_ARCHIVE + " " + String.join(" ", jvmOptions) + " -jar "
				+ RunnerBundle.JAR + " " + command + " --run " + quote(runUrl);
	}

	private static String quote(String value) {
		return "'" + value.replace("'", "'\"'\"'") + "'";
	}

	@Override
	public RunnerStatus status(LaunchHandle handle) {
		String[] parts = handle.ref().split("/", 3);
		if (parts.length != 3) {
			return RunnerStatus.unknown();
		}
		try {
			HerokuDyno dyno = this.heroku.dyno(TenantId.of(parts[0]), parts[1], parts[2]);
			String state = (dyno.state() != null) ? dyno.state().toLowerCase(Locale.ROOT) : "";
			if (ALIVE.contains(state)) {
				return RunnerStatus.alive();
			}
			return RunnerStatus.ended("dyno " + ((dyno.name() != null) ? dyno.name() : parts[2]) + " is " + state);
		}
		catch (HerokuApiException ex) {
			if (ex.status() == 404) {
				// A finished one-off dyno disappears from the app.
				return RunnerStatus.ended("dyno " + parts[2] + " is gone");
			}
			logger.debug("Dyno {} state unknown: {}", parts[2], ex.getMessage());
			return RunnerStatus.unknown();
		}
		catch (IllegalArgumentException ex) {
			return RunnerStatus.unknown();
		}
	}

	/**
	 * Stops the dyno ({@code POST /apps/{app}/dynos/{dyno}/actions/stop}) so a runner
	 * given up on does not run on, on the customer's bill, until its time to live. A dyno
	 * already gone counts as stopped. When Heroku cannot be reached the dyno still ends:
	 * its next heartbeat is refused, or its time to live runs out.
	 */
	@Override
	public void stop(LaunchHandle handle) {
		String[] parts = handle.ref().split("/", 3);
		if (parts.length != 3) {
			return;
		}
		try {
			this.heroku.stopDyno(TenantId.of(parts[0]), parts[1], parts[2]);
			logger.info("Dyno {} of app {} stopped", parts[2], parts[1]);
		}
		catch (HerokuApiException ex) {
			logger.warn("Dyno {} of app {} could not be stopped ({}); it ends at its next refused heartbeat or"
					+ " after its time to live ({})", parts[2], parts[1], ex.getMessage(), this.timeToLive);
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Not a dyno handle: {}", handle.ref());
		}
	}

}
