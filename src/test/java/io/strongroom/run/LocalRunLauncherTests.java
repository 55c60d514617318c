package io.strongroom.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.strongroom.support.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child-process launcher against the launcher contract, with a stand-in runner
 * ({@code fake-runner.sh}) as a real process, and its own promises: capacity, masked
 * output, a clean environment.
 */
class LocalRunLauncherTests implements RunLauncherContract {

	@TempDir
	Path dir;

	final List<String> output = new CopyOnWriteArrayList<>();

	final List<RunnerExited> exits = new CopyOnWriteArrayList<>();

	LocalRunLauncher launcher;

	List<String> command;

	@BeforeEach
	void setUp() throws IOException {
		Files.createDirectories(this.dir.resolve("runs"));
		try (InputStream script = getClass().getResourceAsStream("fake-runner.sh")) {
			Files.copy(script, this.dir.resolve("fake-runner.sh"));
		}
		this.command = new ArrayList<>(
				List.of("sh", this.dir.resolve("fake-runner.sh").toString(), this.dir.resolve("runs").toString()));
		this.launcher = new LocalRunLauncher(this.command, 2, 100, (run, first, lines) -> this.output.addAll(lines),
				this.exits::add);
	}

	@AfterEach
	void stopAll() {
		this.launcher.stopAll();
	}

	@Override
	public RunLauncher launcher() {
		return this.launcher;
	}

	@Override
	public LaunchRequest request(BackupRunId run) {
		return RunLauncherContract.request(run, "http://127.0.0.1:8080", null);
	}

	@Override
	public Launched observe(BackupRunId run, LaunchHandle handle) {
		Path args = this.dir.resolve("runs/" + run + ".args");
		Path env = this.dir.resolve("runs/" + run + ".env");
		try {
			Eventually.await(() -> Files.exists(args) && Files.exists(env), Duration.ofSeconds(20));
			Map<String, String> environment = new HashMap<>();
			for (String line : Files.readAllLines(env)) {
				int equals = line.indexOf('=');
				if (equals > 0) {
					environment.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
			String commandLine = String.join(" ", this.command) + " " + String.join(" ", Files.readAllLines(args));
			return new Launched(commandLine, environment);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void end(BackupRunId run, LaunchHandle handle) {
		observe(run, handle);
		ProcessHandle.of(Long.parseLong(handle.ref())).ifPresent(ProcessHandle::destroyForcibly);
	}

	@Override
	public LaunchHandle foreignHandle() {
		return new LaunchHandle("local", Long.toString(ProcessHandle.current().pid()));
	}

	@Override
	public void breakLaunching() {
		this.launcher = new LocalRunLauncher(List.of(this.dir.resolve("no-such-runner").toString()), 2, 100,
				(run, first, lines) -> this.output.addAll(lines), this.exits::add);
	}

	@Test
	void passesNothingOfItsOwnEnvironmentButWhatAJvmNeeds() throws Exception {
		BackupRunId run = new BackupRunId(java.util.UUID.randomUUID());
		LaunchHandle handle = this.launcher.launch(request(run));
		Map<String, String> environment = observe(run, handle).environment();
		java.util.Set<String> allowed = new java.util.HashSet<>(LocalRunLauncher.INHERITED);
		// set by the shell that runs the stand-in, not by the launcher
		allowed.addAll(List.of(LaunchRequest.TICKET_ENV, "STRONGROOM_DATABASE_URL", "PWD", "SHLVL", "_", "OLDPWD"));
		// the runner's own: glibc's malloc arenas (LocalRunnerCommand.ENVIRONMENT)
		allowed.addAll(LocalRunnerCommand.ENVIRONMENT.keySet());
		assertThat(environment.keySet()).isSubsetOf(allowed)
			.contains(LaunchRequest.TICKET_ENV, "STRONGROOM_DATABASE_URL", "PATH");
		assertThat(environment).containsEntry("MALLOC_ARENA_MAX", "2");
	}

	@Test
	void keepsTheRunnersOutputWithEverySecretMaskedAndSaysHowItEnded() throws Exception {
		BackupRunId run = new BackupRunId(java.util.UUID.randomUUID());
		Files.writeString(this.dir.resolve("runs/mode"), "exit 7");
		this.launcher.launch(request(run));
		Eventually.await(() -> !this.exits.isEmpty(), Duration.ofSeconds(20));
		assertThat(this.exits.get(0).job()).isEqualTo(RunnerJob.backup(run));
		assertThat(this.exits.get(0).detail()).isEqualTo("exit code 7");
		assertThat(this.output).contains("runner: ticket ****, key , url ****",
				"[strongroom] runner ended with exit code 7");
		assertThat(String.join("\n", this.output)).doesNotContain(TICKET).doesNotContain("contract-pa55word");
	}

	@Test
	void aStoppedRunnerIsGone() throws Exception {
		BackupRunId run = new BackupRunId(java.util.UUID.randomUUID());
		LaunchHandle handle = this.launcher.launch(request(run));
		observe(run, handle);
		this.launcher.stop(handle);
		Eventually.await(() -> this.launcher.status(handle).state() == RunnerStatus.State.ENDED,
				Duration.ofSeconds(20));
	}

	@Test
	void startsNoMoreRunnersThanItsCapacity() throws Exception {
		assertThat(this.launcher.capacity()).isEqualTo(2);
		LaunchHandle first = this.launcher.launch(request(new BackupRunId(java.util.UUID.randomUUID())));
		this.launcher.launch(request(new BackupRunId(java.util.UUID.randomUUID())));
		assertThat(this.launcher.capacity()).isZero();
		this.launcher.stop(first);
		Eventually.await(() -> this.launcher.capacity() == 1, Duration.ofSeconds(20));
	}

}
