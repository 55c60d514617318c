package io.strongroom.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.runner.Engine;
import io.strongroom.runner.Secret;
import io.strongroom.target.AppConfigVars;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.DestinationType;
import io.strongroom.target.RunnableTarget;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec is TEAM.md's contract: names of variables, never their values. */
class RunSpecsTests {

	static final BackupRunId RUN = BackupRunId.of("0b7c0000-0000-4000-8000-000000000001");

	static RunProperties properties() {
		return new RunProperties("local", java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(2),
				java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(5), "zstd", 3, List.of(), null,
				new RunProperties.Local(2, null, null, 5000, List.of()), new RunProperties.Heroku("standard-1X",
						java.time.Duration.ofHours(6), 50, java.nio.file.Path.of("target/strongroom-runner.tar.gz")));
	}

	@Test
	void writesTheContractsSpecForAnS3Destination() {
		RunnableTarget target = new RunnableTarget(new TenantId(UUID.randomUUID()), "acme-primary-1234",
				new TargetId(UUID.randomUUID()), new DatabaseLabel("PURPLE"), Engine.POSTGRES,
				"STRONGROOM_PURPLE_DATABASE_URL", List.of("public.audit_log"), Map.of("noComments", true),
				new DestinationAccess(DestinationType.S3, "b", "us-east-1", "http://127.0.0.1:9090", true, "backups",
						null, new Secret("AKIAEXAMPLEKEY"), new Secret("the-secret-access-key")),
				"STRONGROOM_ENCRYPTION_KEY",
				Map.of("STRONGROOM_PURPLE_DATABASE_URL", new Secret("postgres://u:the-password@h/db")),
				AppConfigVars.AS_DECLARED);
		Map<String, Object> spec = RunSpecs.spec(RUN, Instant.parse("2026-11-22T03:00:07.123456Z"), target,
				properties());
		String json = JsonMapper.builder().build().writeValueAsString(spec);
		assertThat(json).isEqualTo("""
				{"version":1,"runId":"0b7c0000-0000-4000-8000-000000000001","addonName":"acme-primary-1234",\
				"databaseLabel":"PURPLE","databaseUrlEnv":"STRONGROOM_PURPLE_DATABASE_URL",\
				"excludeTables":["public.audit_log"],"options":{"noComments":true},\
				"compression":{"algorithm":"zstd","level":3},"encryptionKeyEnv":"STRONGROOM_ENCRYPTION_KEY",\
				"destination":{"type":"s3","bucket":"b","region":"us-east-1","endpoint":"http://127.0.0.1:9090",\
				"pathStyle":true,"prefix":"backups","accessKeyIdEnv":"STRONGROOM_AWS_ACCESS_KEY_ID",\
				"secretAccessKeyEnv":"STRONGROOM_AWS_SECRET_ACCESS_KEY"},"startedAt":"2026-11-22T03:00:07Z"}""");
		assertThat(json).doesNotContain("the-password")
			.doesNotContain("the-secret-access-key")
			.doesNotContain("AKIAEXAMPLEKEY");
	}

	@Test
	void namesTheObjectTheWayTheRunnerDoes() {
		assertThat(RunSpecs.objectStem("backups", "acme", "DATABASE", Instant.parse("2026-11-22T03:00:07.9Z"), RUN))
			.isEqualTo("backups/acme/DATABASE/2026/11/22/20261122T030007Z-0b7c0000-0000-4000-8000-000000000001");
		assertThat(RunSpecs.databasePrefix("backups", "acme", "DATABASE")).isEqualTo("backups/acme/DATABASE/");
	}

}
