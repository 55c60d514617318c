package io.strongroom.run;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.strongroom.runner.Secret;
import io.strongroom.tenant.TenantId;

import static io.strongroom.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link RunLauncher} guarantees (its Javadoc), run against each
 * implementation. An interface of default tests, so implementations whose test needs a
 * Spring context (a real Platform API client against WireMock) can still take part.
 */
interface RunLauncherContract {

	String TICKET = "ticket-0123456789-abcdefghij";

	String DATABASE_URL = "postgres://backup:contract-pa55word@db.example.com:5432/app";

	RunLauncher launcher();

	/** The ids a request carries; a launcher-specific app id where one is needed. */
	LaunchRequest request(BackupRunId run);

	/** What the runner was given: its command line (arguments joined) and environment. */
	Launched observe(BackupRunId run, LaunchHandle handle);

	/** Makes the launched runner end (exit, crash) without reporting. */
	void end(BackupRunId run, LaunchHandle handle);

	/** A handle of a runner this launcher did not start. */
	LaunchHandle foreignHandle();

	/** Makes the next launch fail. */
	void breakLaunching();

	record Launched(String commandLine, Map<String, String> environment) {

	}

	static LaunchRequest request(BackupRunId run, String callbackBase, String herokuAppId) {
		return new LaunchRequest(run, new TenantId(UUID.randomUUID()),
				URI.create(callbackBase + "/runner/v1/runs/" + run), new Secret(TICKET),
				Map.of("STRONGROOM_DATABASE_URL", new Secret(DATABASE_URL)), herokuAppId);
	}

	@Test
	default void startsTheRunnerWithItsRunUrlAndKeepsTicketAndSecretsOutOfTheCommandLine() throws Exception {
		BackupRunId run = new BackupRunId(UUID.randomUUID());
		LaunchRequest request = request(run);
		LaunchHandle handle = launcher().launch(request);
		assertThat(handle.launcher()).isEqualTo(launcher().name());
		Launched launched = observe(run, handle);
		assertThat(launched.commandLine()).contains("backup --run ")
			.contains(request.callbackUrl().toString())
			.doesNotContain(TICKET)
			.doesNotContain("contract-pa55word");
		assertThat(launched.environment()).containsEntry(LaunchRequest.TICKET_ENV, TICKET);
		launcher().stop(handle);
	}

	@Test
	default void startsAVerificationRunnerWithTheVerifyCommandTheSameWay() throws Exception {
		UUID id = UUID.randomUUID();
		LaunchRequest backup = request(new BackupRunId(id));
		LaunchRequest request = new LaunchRequest(RunnerJob.verification(new VerificationId(id)), backup.tenant(),
				URI.create(backup.callbackUrl().toString().replace("/runner/v1/runs/", "/runner/v1/verifications/")),
				backup.ticket(), backup.environment(), backup.herokuAppId());
		LaunchHandle handle = launcher().launch(request);
		Launched launched = observe(new BackupRunId(id), handle);
		assertThat(launched.commandLine()).contains("verify --run ")
			.contains(request.callbackUrl().toString())
			.doesNotContain("backup --run")
			.doesNotContain(TICKET)
			.doesNotContain("contract-pa55word");
		assertThat(launched.environment()).containsEntry(LaunchRequest.TICKET_ENV, TICKET);
		launcher().stop(handle);
	}

	@Test
	default void reportsARunnerThatEndedWithoutReportingAsEnded() throws Exception {
		BackupRunId run = new BackupRunId(UUID.randomUUID());
		LaunchHandle handle = launcher().launch(request(run));
		end(run, handle);
		await(() -> launcher().status(handle).state() == RunnerStatus.State.ENDED, Duration.ofSeconds(30));
		assertThat(launcher().status(handle).detail()).isNotBlank();
	}

	@Test
	default void knowsNothingOfARunnerItDidNotStart() {
		assertThat(launcher().status(foreignHandle()).state()).isEqualTo(RunnerStatus.State.UNKNOWN);
		launcher().stop(foreignHandle());
	}

	@Test
	default void stoppingIsIdempotent() throws Exception {
		BackupRunId run = new BackupRunId(UUID.randomUUID());
		LaunchHandle handle = launcher().launch(request(run));
		observe(run, handle);
		launcher().stop(handle);
		launcher().stop(handle);
	}

	@Test
	default void aLaunchThatFailsSaysWhyWithoutASecret() {
		breakLaunching();
		assertThatExceptionOfType(LaunchException.class)
			.isThrownBy(() -> launcher().launch(request(new BackupRunId(UUID.randomUUID()))))
			.satisfies((ex) -> assertThat(ex.getMessage()).isNotBlank()
				.doesNotContain(TICKET)
				.doesNotContain("contract-pa55word"));
	}

}
