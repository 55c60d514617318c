package io.strongroom.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The runner's command line, started from the application jar without a Spring context:
 * <pre>
 * java -jar strongroom.jar backup --spec &lt;spec.json&gt;
 * java -jar strongroom.jar backup --run &lt;run URL&gt;          (ticket in STRONGROOM_RUN_TICKET)
 * java -jar strongroom.jar decrypt [--in F] [--out F] [--manifest F]
 * java -jar strongroom.jar restore --in &lt;file or URL&gt; [--manifest F] --into-env NAME
 * java -jar strongroom.jar verify --spec &lt;verify-spec.json&gt;
 * java -jar strongroom.jar verify --run &lt;verification URL&gt;   (ticket in STRONGROOM_RUN_TICKET)
 * java -jar strongroom.jar self-test
 * </pre> The exit code is 0 or the {@link FailureKind}'s; the last line on standard
 * output is the JSON result; progress goes to standard error.
 */
public final class RunnerCli {

	private static final Set<String> COMMANDS = Set.of("backup", "decrypt", "restore", "verify", "self-test");

	private final Console console;

	private final Cancellation cancellation = new Cancellation();

	private final Failures failures = new Failures();

	RunnerCli(Console console) {
		this.console = console;
	}

	/** Whether these arguments are a runner command rather than the web application's. */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/**
	 * Runs a command in this process and returns its exit code. A SIGTERM (Heroku
	 * stopping a dyno) cancels the run: the dump is killed, the upload aborted, the
	 * failure reported, and the process exits with {@link FailureKind#CANCELLED}'s code.
	 */
	public static int run(String[] args) {
		System.setProperty(RunnerLogging.ENABLED, "true");
		RunnerCli cli = new RunnerCli(Console.system());
		CountDownLatch done = new CountDownLatch(1);
		int[] exit = { FailureKind.INTERNAL.exitCode() };
		boolean cleansUp = "backup".equals(args[0]) || "verify".equals(args[0]);
		Thread hook = new Thread(() -> {
			// decrypt and restore just stop; a backup or a verification cleans up and
			// reports first
			if (!cleansUp || done.getCount() == 0) {
				return;
			}
			cli.cancellation.cancel("the runner was stopped by a signal");
			try {
				if (done.await(60, TimeUnit.SECONDS)) {
					Runtime.getRuntime().halt(exit[0]);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Runtime.getRuntime().halt(FailureKind.CANCELLED.exitCode());
		}, "strongroom-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		exit[0] = cli.execute(args);
		cli.console.out().flush();
		done.countDown();
		return exit[0];
	}

	int execute(String[] args) {
		String command = (args.length > 0) ? args[0] : "";
		boolean resultLine = Set.of("backup", "restore", "verify").contains(command);
		RunCallback callback = null;
		Map<String, Object> result;
		try {
			Map<String, String> options = options(args, command);
			switch (command) {
				case "backup", "verify" -> {
					only(options, "--spec", "--run");
					if (options.containsKey("--spec") == options.containsKey("--run")) {
						throw usage(command + " needs exactly one of --spec <file> or --run <url>");
					}
					String specJson;
					if (options.containsKey("--run")) {
						callback = RunCallback.of(options.get("--run"), this.console, this.failures);
						specJson = callback.spec();
					}
					else {
						specJson = read(Path.of(options.get("--spec")));
					}
					result = "backup".equals(command) ? backup(specJson, callback) : verify(specJson, callback);
				}
				case "decrypt" -> {
					only(options, "--in", "--out", "--manifest");
					new DecryptCommand(this.console, this.failures).run(path(options, "--in"), path(options, "--out"),
							path(options, "--manifest"));
					return 0;
				}
				case "restore" -> {
					only(options, "--in", "--manifest", "--into-env", "--no-integrity-check");
					if (!options.containsKey("--in") || !options.containsKey("--into-env")) {
						throw usage("restore needs --in <file or https URL> and --into-env <NAME of the environment "
								+ "variable holding the target database URL>");
					}
					result = new RestoreCommand(this.console, this.failures).run(options.get("--in"),
							options.get("--manifest"), options.get("--into-env"),
							options.containsKey("--no-integrity-check"));
				}
				case "self-test" -> {
					only(options);
					result = new SelfTestCommand(this.console).run();
				}
				default -> throw usage("unknown command '" + command + "'");
			}
			this.console.out().println(Json.COMPACT.writeValueAsString(result));
			this.console.out().flush();
			// a verification that found the backup bad is a result, with its own exit
			// code
			return "FAILED".equals(result.get("status")) ? FailureKind.INTEGRITY.exitCode() : 0;
		}
		catch (Throwable ex) {
			RunnerFailure failure = this.failures.classify(ex);
			if (failure.kind() == FailureKind.INTERNAL) {
				// a bug: the stack trace helps, with secrets masked like every message
				java.io.StringWriter trace = new java.io.StringWriter();
				ex.printStackTrace(new java.io.PrintWriter(trace));
				this.console.err().print(this.failures.mask(trace.toString()));
			}
			this.console.err().println("strongroom: FAILED (" + failure.kind() + "): " + failure.getMessage());
			if (callback != null) {
				try {
					callback.failure(failure);
				}
				catch (RunnerFailure reportFailure) {
					this.console.warn("could not report the failure: " + reportFailure.getMessage());
				}
			}
			if (resultLine) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("status", "FAILED");
				line.put("kind", failure.kind().name());
				line.put("message", failure.getMessage());
				this.console.out().println(Json.COMPACT.writeValueAsString(line));
				this.console.out().flush();
			}
			return failure.kind().exitCode();
		}
	}

	private Map<String, Object> backup(String specJson, @Nullable RunCallback callback) throws RunnerFailure {
		BackupSpec spec = BackupSpec.parse(specJson,
				this.console.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), this.console::warn);
		return job(new Progress(), callback,
				(progress) -> new BackupCommand(this.console, this.failures, progress, this.cancellation).run(spec));
	}

	private Map<String, Object> verify(String specJson, @Nullable RunCallback callback) throws RunnerFailure {
		VerifySpec spec = VerifySpec.parse(specJson, this.console::warn);
		return job(new Progress("download"), callback,
				(progress) -> new VerifyCommand(this.console, this.failures, progress, this.cancellation).run(spec));
	}

	/** What a runner job does once its spec is read. */
	private interface Job {

		Map<String, Object> run(Progress progress) throws Exception;

	}

	/**
	 * Runs a backup or verification with progress lines, and, when Strongroom started it,
	 * heartbeats and the result sent back.
	 */
	private Map<String, Object> job(Progress progress, @Nullable RunCallback callback, Job job) throws RunnerFailure {
		try (Progress.Reporter reporter = progress.report(this.console.err(), this.console.progressInterval());
				AutoCloseable heartbeats = (callback != null)
						? callback.heartbeats(progress, this.cancellation, this.console.heartbeatInterval()) : () -> {
						}) {
			Map<String, Object> result = job.run(progress);
			if (callback != null) {
				callback.result(result);
			}
			return result;
		}
		catch (RunnerFailure ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw this.failures.classify(ex);
		}
	}

	private static Map<String, String> options(String[] args, String command) throws RunnerFailure {
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			String name = args[i];
			if (!name.startsWith("--")) {
				throw usage("unexpected argument '" + name + "' for " + command);
			}
			if (name.equals("--no-integrity-check")) {
				options.put(name, "true");
				continue;
			}
			if (i + 1 >= args.length) {
				throw usage(name + " needs a value");
			}
			if (options.put(name, args[++i]) != null) {
				throw usage(name + " is given twice");
			}
		}
		return options;
	}

	private static void only(Map<String, String> options, String... allowed) throws RunnerFailure {
		List<String> known = List.of(allowed);
		for (String name : options.keySet()) {
			if (!known.contains(name)) {
				throw usage("unknown option " + name + "; this command takes " + String.join(", ", known));
			}
		}
	}

	private static @Nullable Path path(Map<String, String> options, String name) {
		String value = options.get(name);
		return (value == null || value.equals("-")) ? null : Path.of(value);
	}

	private static String read(Path file) throws RunnerFailure {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw usage("cannot read the spec " + file + ": " + ex.getMessage());
		}
	}

	private static RunnerFailure usage(String message) {
		return new RunnerFailure(FailureKind.USAGE,
				message + ". Usage: backup --spec <spec.json> | backup --run "
						+ "<url>; decrypt [--in F] [--out F] [--manifest F]; restore --in <file or URL> [--manifest F] "
						+ "--into-env NAME; verify --spec <verify-spec.json> | verify --run <url>; self-test");
	}

}
