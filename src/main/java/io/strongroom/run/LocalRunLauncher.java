package io.strongroom.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.runner.Secret;

/**
 * Runs each runner as a child process of this web process: {@code <command> backup --run
 * <callback url>} (or {@code verify --run <callback url>} for a verification), with the
 * ticket and the secrets in the child's environment (never in its arguments) and nothing
 * else of this process's environment but what a JVM needs, so Strongroom's own secrets
 * (master key, database URL, Heroku credentials) never reach a runner. At most
 * {@code maxConcurrent} children at once; the child's output goes to the run's log with
 * every secret masked.
 */
class LocalRunLauncher implements RunLauncher {

	private static final Logger logger = LoggerFactory.getLogger(LocalRunLauncher.class);

	/** What a child JVM may inherit: nothing secret, nothing of Strongroom's settings. */
	static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "JAVA_HOME",
			"SystemRoot");

	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private final List<String> command;

	private final int maxConcurrent;

	private final int maxLogLines;

	private final RunOutput log;

	private final Consumer<RunnerExited> exits;

	private final Map<Long, Child> children = new ConcurrentHashMap<>();

	/**
	 * How recent runners ended, so {@link #status} can still say so after they are gone.
	 */
	private final Map<Long, String> ended = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
			return size() > 1000;
		}

	});

	LocalRunLauncher(List<String> command, int maxConcurrent, int maxLogLines, RunOutput log,
			Consumer<RunnerExited> exits) {
		this.command = List.copyOf(command);
		logger.info("Local runners start as: {} backup|verify --run <URL> (at most {} at once)",
				String.join(" ", command.subList(0, Math.min(command.size(), 3))), maxConcurrent);
		this.maxConcurrent = maxConcurrent;
		this.maxLogLines = maxLogLines;
		this.log = log;
		this.exits = exits;
	}

	@Override
	public String name() {
		return "local";
	}

	@Override
	public int capacity() {
		return this.maxConcurrent - (int) this.children.values().stream().filter((c) -> c.process.isAlive()).count();
	}

	@Override
	public LaunchHandle launch(LaunchRequest request) throws LaunchException {
		List<String> arguments = new ArrayList<>(this.command);
		arguments.add(request.job().command());
		arguments.add("--run");
		arguments.add(request.callbackUrl().toString());
		ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.clear();
		for (String name : INHERITED) {
			String value = System.getenv(name);
			if (value != null) {
				environment.put(name, value);
			}
		}
		environment.putAll(LocalRunnerCommand.ENVIRONMENT);
		request.environment().forEach((name, secret) -> environment.put(name, secret.value()));
		environment.put(LaunchRequest.TICKET_ENV, request.ticket().value());
		List<Secret> secrets = new ArrayList<>(request.environment().values());
		secrets.add(request.ticket());
		SecretMasker masker = SecretMasker.of(secrets);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new LaunchException("Could not start " + this.command.get(0) + ": " + ex.getMessage(), ex);
		}
		Child child = new Child(request.job(), process);
		this.children.put(process.pid(), child);
		Thread reader = new Thread(() -> follow(child, masker), "runner-" + process.pid());
		reader.setDaemon(true);
		reader.start();
		return new LaunchHandle(name(), Long.toString(process.pid()));
	}

	private void follow(Child child, SecretMasker masker) {
		List<String> batch = new ArrayList<>();
		int lineNo = 0;
		int dropped = 0;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (lineNo + batch.size() >= this.maxLogLines) {
					dropped++;
					continue;
				}
				batch.add(masker.mask(line));
				// Batches bursts; a line followed by silence (a hung runner's last words)
				// is
				// kept at once.
				if (batch.size() >= 50 || !reader.ready()) {
					lineNo = flush(child.job, lineNo, batch);
				}
			}
		}
		catch (IOException ex) {
			batch.add("[strongroom] reading the runner's output failed: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.warn("{}: keeping the runner's output failed: {}", child.job, ex.getMessage());
		}
		String detail;
		try {
			int code = child.process.waitFor();
			detail = "exit code " + code;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			detail = "unknown exit code";
		}
		if (dropped > 0) {
			batch.add("[strongroom] " + dropped + " more lines of output were not kept");
		}
		batch.add("[strongroom] runner ended with " + detail);
		try {
			flush(child.job, lineNo, batch);
		}
		catch (RuntimeException ex) {
			logger.warn("{}: keeping the runner's output failed: {}", child.job, ex.getMessage());
		}
		this.ended.put(child.process.pid(), detail);
		this.children.remove(child.process.pid());
		this.exits.accept(new RunnerExited(child.job, detail));
	}

	private int flush(RunnerJob job, int lineNo, List<String> batch) {
		this.log.append(job, lineNo, List.copyOf(batch));
		int next = lineNo + batch.size();
		batch.clear();
		return next;
	}

	@Override
	public RunnerStatus status(LaunchHandle handle) {
		Optional<Child> child = child(handle);
		if (child.isEmpty()) {
			String detail = endedDetail(handle);
			// Not started by this process (or before a restart): a pid alone could belong
			// to anyone by now, so say nothing and let the stall timeout decide.
			return (detail != null) ? RunnerStatus.ended(detail) : RunnerStatus.unknown();
		}
		Process process = child.get().process;
		return process.isAlive() ? RunnerStatus.alive() : RunnerStatus.ended("exit code " + process.exitValue());
	}

	@Override
	public void stop(LaunchHandle handle) {
		child(handle).ifPresent((child) -> {
			Process process = child.process;
			if (!process.isAlive()) {
				return;
			}
			process.destroy();
			try {
				if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		});
	}

	/** Stops every child: when the web process stops, its runners stop with it. */
	void stopAll() {
		for (Child child : List.copyOf(this.children.values())) {
			stop(new LaunchHandle(name(), Long.toString(child.process.pid())));
		}
	}

	private @Nullable String endedDetail(LaunchHandle handle) {
		try {
			return this.ended.get(Long.parseLong(handle.ref()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Optional<Child> child(LaunchHandle handle) {
		try {
			return Optional.ofNullable(this.children.get(Long.parseLong(handle.ref())));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private record Child(RunnerJob job, Process process) {

	}

}
