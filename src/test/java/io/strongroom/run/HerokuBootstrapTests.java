package io.strongroom.run;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dyno's bootstrap command, run with a real shell, {@code curl}, {@code sha256sum}
 * and {@code tar} against a bundle served over HTTP: it runs the bundle's Java with the
 * run's URL only when the bundle's SHA-256 matches, and refuses a changed one.
 */
class HerokuBootstrapTests {

	@TempDir
	Path dir;

	HttpServer server;

	Path bundle;

	@BeforeEach
	void serveAFakeBundle() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("build/strongroom-runner/bin"));
		Path java = root.resolve("java");
		Files.writeString(java,
				"#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$OUT\"\necho \"ticket=$STRONGROOM_RUN_TICKET\" >> \"$OUT\"\n"
						+ "echo \"arenas=$MALLOC_ARENA_MAX\" >> \"$OUT\"\necho \"in=$(pwd)\" >> \"$OUT\"\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createDirectories(root.resolveSibling("app"));
		Files.writeString(root.resolveSibling(RunnerBundle.JAR), "not really a jar");
		this.bundle = this.dir.resolve(RunnerBundle.FILE_NAME);
		Process tar = new ProcessBuilder("tar", "-czf", this.bundle.toString(), "-C",
				this.dir.resolve("build").toString(), "strongroom-runner")
			.inheritIO()
			.start();
		assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/runner/bundle/" + RunnerBundle.FILE_NAME, (exchange) -> {
			byte[] body = Files.readAllBytes(this.bundle);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Test
	void downloadsChecksAndRunsTheBundleWithOnlyTheRunUrlOnItsCommandLine() throws Exception {
		String sha = RunnerBundle.sha256(this.bundle);
		String command = bootstrap(base(), sha, "https://strongroom.example.com/runner/v1/runs/abc");
		Result result = run(command);
		assertThat(result.exit()).as(result.output()).isZero();
		List<String> arguments = Files.readAllLines(this.dir.resolve("out"));
		assertThat(arguments).hasSize(14);
		// the heap may grow to a standard-1X dyno's 512 MB less what lives outside it
		assertThat(arguments.subList(0, 13)).containsExactly("-XX:SharedArchiveFile=app/runner.jsa", "-Xms80m",
				"-Xmx320m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-XX:CompileThresholdScaling=10", "-jar",
				"app/strongroom.jar", "backup", "--run", "https://strongroom.example.com/runner/v1/runs/abc",
				"ticket=the-ticket", "arenas=2");
		// the archive's class path is relative to the bundle's folder
		assertThat(arguments.get(13)).startsWith("in=/").endsWith("/strongroom-runner");
	}

	@Test
	void refusesABundleWhoseHashDoesNotMatch() throws Exception {
		String command = bootstrap(base(), "0".repeat(64), "https://x.example/runner/v1/runs/abc");
		Result result = run(command);
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.output()).contains("does not match its SHA-256");
		assertThat(this.dir.resolve("out")).doesNotExist();
	}

	@Test
	void failsWhenTheBundleCannotBeDownloaded() throws Exception {
		String command = bootstrap("http://127.0.0.1:1", "0".repeat(64), "https://x.example/runner/v1/runs/abc");
		assertThat(run(command).exit()).isNotZero();
		assertThat(this.dir.resolve("out")).doesNotExist();
	}

	@Test
	void quotesTheUrlsSoTheShellTakesThemLiterally() {
		String command = bootstrap("https://example.com/a'b", "f".repeat(64),
				"https://example.com/runner/v1/runs/x;rm -rf /");
		assertThat(command).contains("'https://example.com/runner/v1/runs/x;rm -rf /'")
			.contains("'https://example.com/a'\"'\"'b/runner/bundle/strongroom-runner.tar.gz'");
	}

	/** A backup's bootstrap on the default dyno size. */
	static String bootstrap(String baseUrl, String sha256, String runUrl) {
		return HerokuRunLauncher.bootstrap(baseUrl, sha256,
				LocalRunnerCommand.jvmOptions(RunnerHeap.forDyno("standard-1X")), "backup", runUrl);
	}

	record Result(int exit, String output) {

	}

	Result run(String command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv("PATH"));
		builder.environment().put("OUT", this.dir.resolve("out").toString());
		builder.environment().put("STRONGROOM_RUN_TICKET", "the-ticket");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

}
