package io.strongroom.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.support.S3MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup --run}: the spec comes from the web service with the ticket, heartbeats
 * flow and can cancel, the result or failure goes back; and a SIGTERM to the real process
 * cancels the run cleanly.
 */
class RunCallbackIntegrationTests {

	static final String TICKET = "ticket-" + UUID.randomUUID();

	static final String KEY = "callback-key-" + UUID.randomUUID();

	static final S3MockServer s3 = S3MockServer.shared();

	final String bucket = s3.createBucket();

	final S3BackupStore store = new S3BackupStore(
			new S3Destination(this.bucket, S3MockServer.REGION, s3.endpoint(), true, "id", "secret"));

	@TempDir
	Path folder;

	@AfterEach
	void close() {
		this.store.close();
	}

	String spec(String runId) {
		return """
				{ "version": 1, "runId": "%s", "addonName": "acme", "databaseLabel": "DATABASE",
				  "databaseUrlEnv": "STRONGROOM_DATABASE_URL", "excludeTables": ["public.audit_log"],
				  "startedAt": "2026-11-22T03:00:00Z",
				  "destination": { "type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s",
				    "pathStyle": true, "prefix": "backups",
				    "accessKeyIdEnv": "STRONGROOM_AWS_ACCESS_KEY_ID", "secretAccessKeyEnv": "STRONGROOM_AWS_SECRET_ACCESS_KEY" } }
				"""
			.formatted(runId, this.bucket, s3.endpoint());
	}

	static String key(String runId) {
		return BackupFailuresIntegrationTests.key(runId);
	}

	static Map<String, String> env(String databaseUrl) {
		Map<String, String> env = new HashMap<>();
		env.put("STRONGROOM_DATABASE_URL", databaseUrl);
		env.put("STRONGROOM_ENCRYPTION_KEY", KEY);
		env.put("STRONGROOM_AWS_ACCESS_KEY_ID", "id");
		env.put("STRONGROOM_AWS_SECRET_ACCESS_KEY", "secret");
		env.put("STRONGROOM_RUN_TICKET", TICKET);
		env.put("STRONGROOM_HEARTBEAT_SECONDS", "0.2");
		return env;
	}

	@Test
	void fetchesTheSpecSendsHeartbeatsAndReportsTheResult() throws IOException {
		try (FakeWebService web = new FakeWebService(TICKET, spec("run-ok"))) {
			RunnerHarness.Run run = RunnerHarness.run(env(SampleDatabases.postgresSmall().url()), "backup", "--run",
					web.runUrl());
			assertThat(run.exit()).as(run.toString()).isZero();
			assertThat(web.calls("/spec")).hasSize(1);
			assertThat(web.calls("/heartbeat")).isNotEmpty()
				.allSatisfy(
						(call) -> assertThat(call.json().path("stage").asString()).isIn("dump", "upload", "manifest"));
			assertThat(web.calls("/result")).singleElement()
				.satisfies((call) -> assertThat(call.json()).isEqualTo(run.result()));
			assertThat(web.calls("/failure")).isEmpty();
			assertThat(web.calls()).allSatisfy((call) -> {
				assertThat(call.authorization()).isEqualTo("Bearer " + TICKET);
				assertThat(call.path()).doesNotContain(TICKET);
			});
			assertThat(run.stdout() + run.stderr()).doesNotContain(TICKET);
			assertThat(this.store.head(run.result().path("objectKey").asString())).isPresent();
		}
	}

	@Test
	void cancelFromTheWebServiceStopsTheRunAndLeavesNothing() throws IOException {
		try (FakeWebService web = new FakeWebService(TICKET, spec("run-cancel"))) {
			// midway: once parts are at the destination, so the clean-up has a
			// multipart upload to abort
			AtomicBoolean cancelled = new AtomicBoolean();
			web.cancelWhen((heartbeat) -> {
				if (!cancelled.get() && !this.store.pendingUploads(key("run-cancel")).isEmpty()) {
					cancelled.set(true);
				}
				return cancelled.get();
			});
			RunnerHarness.Run run = RunnerHarness.run(env(SampleDatabases.postgresLarge().url()), "backup", "--run",
					web.runUrl());
			assertThat(cancelled).as("no multipart upload was seen before the run ended").isTrue();
			assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.CANCELLED.exitCode());
			assertThat(web.calls("/failure")).singleElement().satisfies((call) -> {
				assertThat(call.json().path("kind").asString()).isEqualTo("CANCELLED");
				assertThat(call.json().path("message").asString()).contains("cancelled in Strongroom");
			});
			assertThat(web.calls("/result")).isEmpty();
			assertNothingLeft("run-cancel");
		}
	}

	@Test
	void refusedTicketIsAUsageFailure() throws IOException {
		try (FakeWebService web = new FakeWebService("another-ticket", spec("run-refused"))) {
			RunnerHarness.Run run = RunnerHarness.run(env(SampleDatabases.postgresSmall().url()), "backup", "--run",
					web.runUrl());
			assertThat(run.exit()).isEqualTo(FailureKind.USAGE.exitCode());
			assertThat(run.stderr()).contains("refused the run ticket");
			assertThat(run.stdout() + run.stderr()).doesNotContain(TICKET);
		}
	}

	@Test
	void missingTicketIsAUsageFailure() {
		Map<String, String> env = env(SampleDatabases.postgresSmall().url());
		env.remove("STRONGROOM_RUN_TICKET");
		RunnerHarness.Run run = RunnerHarness.run(env, "backup", "--run", "http://127.0.0.1:9/runner/v1/runs/x");
		assertThat(run.exit()).isEqualTo(FailureKind.USAGE.exitCode());
		assertThat(run.stderr()).contains("STRONGROOM_RUN_TICKET");
	}

	@Test
	void sigtermCancelsTheRealProcessAndLeavesNothing() throws Exception {
		Path spec = this.folder.resolve("spec.json");
		Files.writeString(spec, spec("run-sigterm"));
		RunnerHarness.Forked runner = RunnerHarness.fork(List.of("-Xmx192m"),
				env(SampleDatabases.postgresLarge().url()), "backup", "--spec", spec.toString());
		// midway: once parts are at the destination, so the clean-up has a multipart
		// upload to abort
		BackupFailuresIntegrationTests.awaitPendingUpload(this.store, key("run-sigterm"), runner.process().onExit());
		// SIGTERM, as Heroku sends; Process.destroy() would also close our pipes
		runner.process().toHandle().destroy();
		RunnerHarness.Run run = runner.await();
		assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.CANCELLED.exitCode());
		assertThat(run.result().path("status").asString()).isEqualTo("FAILED");
		assertThat(run.result().path("kind").asString()).isEqualTo("CANCELLED");
		assertNothingLeft("run-sigterm");
		assertThat(ProcessHandle.current()
			.descendants()
			.filter((p) -> p.info().command().map((c) -> c.endsWith("/pg_dump")).orElse(false))).isEmpty();
	}

	private void assertNothingLeft(String runId) {
		assertThat(this.store.list("")).isEmpty();
		assertThat(this.store.pendingUploads(key(runId))).isEmpty();
	}

}
