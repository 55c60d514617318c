package io.strongroom.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgDumpCommandTests {

	static final Path PG_DUMP = Path.of("/usr/lib/postgresql/17/bin/pg_dump");

	static DatabaseUrl url(String text) throws RunnerFailure {
		return DatabaseUrl.parse(text);
	}

	static PostgresSelection selection(DatabaseUrl url, List<String> excluded, Map<String, Object> options) {
		return PostgresSelection
			.of(new DumpRequest(url, excluded, DumpOptions.parse(Engine.POSTGRES, options), List.of()));
	}

	@Test
	void dumpsCustomFormatUncompressedFromTheSnapshotWithoutOwnersOrGrants() throws RunnerFailure {
		DatabaseUrl url = url("postgres://app:hunter2@db.example.com:6432/shop");
		List<String> command = PgDumpCommand.dump(PG_DUMP, url, selection(url, List.of(), Map.of()),
				DumpOptions.defaults(Engine.POSTGRES), "00000003-0000001B-1");
		assertThat(command).containsExactly(PG_DUMP.toString(), "--format=custom", "--compress=0", "--no-owner",
				"--no-acl", "--snapshot=00000003-0000001B-1", "--host=db.example.com", "--port=6432", "--username=app",
				"--dbname=dbname='shop'", "--exclude-schema=\"heroku_ext\"");
	}

	@Test
	void noArgumentCarriesThePasswordOrTheUrl() throws RunnerFailure {
		DatabaseUrl url = url("postgres://app:hunter2@db:5432/shop?sslmode=require");
		List<String> command = PgDumpCommand.dump(PG_DUMP, url, selection(url, List.of(), Map.of()),
				DumpOptions.defaults(Engine.POSTGRES), "snap");
		assertThat(String.join(" ", command)).doesNotContain("hunter2").doesNotContain("://");
		assertThat(PgDumpCommand.restore(Path.of("pg_restore"), url)).noneMatch((arg) -> arg.contains("hunter2"));
	}

	@Test
	void excludedTablesAndSchemasBecomeExactQuotedPatterns() throws RunnerFailure {
		DatabaseUrl url = url("postgres://u:p@h/db");
		List<String> command = PgDumpCommand.dump(PG_DUMP, url,
				selection(url, List.of("public.audit_log", "Sales.Big*Table", "lonely", "odd.\"q\""),
						Map.of("excludeSchemas", List.of("Staging"), "excludeTableData", List.of("public.events"))),
				DumpOptions.defaults(Engine.POSTGRES), "s");
		assertThat(command).contains("--exclude-table=\"public\".\"audit_log\"",
				"--exclude-table=\"Sales\".\"Big*Table\"", "--exclude-table=\"public\".\"lonely\"",
				"--exclude-table=\"odd\".\"\"\"q\"\"\"", "--exclude-schema=\"Staging\"",
				"--exclude-schema=\"heroku_ext\"", "--exclude-table-data=\"public\".\"events\"");
	}

	@Test
	void herokuExtIsKeptOnlyWhenAskedFor() throws RunnerFailure {
		DatabaseUrl url = url("postgres://u:p@h/db");
		assertThat(selection(url, List.of(), Map.of("includeHerokuExt", true)).excludeSchemas()).isEmpty();
		assertThat(selection(url, List.of(), Map.of()).excludeSchemas()).containsExactly("heroku_ext");
		assertThat(selection(url, List.of(), Map.of("excludeSchemas", List.of("heroku_ext"))).excludeSchemas())
			.containsExactly("heroku_ext");
	}

	@Test
	void optionsMapToSingleFixedArguments() throws RunnerFailure {
		DatabaseUrl url = url("postgres://u:p@h/db");
		DumpOptions options = DumpOptions.parse(Engine.POSTGRES,
				Map.of("noComments", true, "noPublications", true, "noSubscriptions", true, "noTablespaces", true,
						"enableRowSecurity", true, "quoteAllIdentifiers", true, "lockWaitTimeout", "2m", "largeObjects",
						false));
		List<String> command = PgDumpCommand.dump(PG_DUMP, url, selection(url, List.of(), Map.of()), options, "s");
		assertThat(command.subList(11, command.size())).containsExactly("-B", "--no-comments", "--no-publications",
				"--no-subscriptions", "--no-tablespaces", "--enable-row-security", "--quote-all-identifiers",
				"--lock-wait-timeout=120000");
		assertThat(PgDumpCommand.dump(PG_DUMP, url, selection(url, List.of(), Map.of()),
				DumpOptions.parse(Engine.POSTGRES, Map.of("largeObjects", true)), "s"))
			.contains("-b");
	}

	@Test
	void aDatabaseNameIsNeverReadAsAConnectionString() throws RunnerFailure {
		DatabaseUrl url = url("postgres://u:p@h/host%3Devil%20sslmode%3Ddisable%27%20x%5C");
		assertThat(PgDumpCommand.restore(Path.of("pg_restore"), url))
			.contains("--dbname=dbname='host=evil sslmode=disable\\' x\\\\'");
	}

	@Test
	void restoreStopsAtTheFirstErrorWithoutOwnersOrGrants() throws RunnerFailure {
		assertThat(PgDumpCommand.restore(Path.of("/usr/bin/pg_restore"), url("postgres://u:p@h:5433/db")))
			.containsExactly("/usr/bin/pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "--host=h",
					"--port=5433", "--username=u", "--dbname=dbname='db'");
	}

	@Test
	void environmentNamesThePassfileAndCarriesTheSslSettings() throws RunnerFailure {
		DatabaseUrl url = url(
				"postgres://u:hunter2@h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=5&application_name=x");
		Map<String, String> env = PgDumpCommand.environment(url, Path.of("/tmp/p/pgpass"), Path.of("/tmp/p"));
		assertThat(env).containsEntry("PGPASSFILE", "/tmp/p/pgpass")
			.containsEntry("HOME", "/tmp/p")
			.containsEntry("PGSSLMODE", "verify-full")
			.containsEntry("PGSSLROOTCERT", "/etc/ca.pem")
			.containsEntry("PGCONNECT_TIMEOUT", "5")
			.containsEntry("PGAPPNAME", "x")
			.doesNotContainKey("PGPASSWORD");
		assertThat(env.values()).noneMatch((value) -> value.contains("hunter2"));
	}

	@Test
	void passfileEscapesColonsAndBackslashes() throws RunnerFailure {
		assertThat(PgDumpCommand.passfile(url("postgres://u:a%3Ab%5Cc@h/db"))).isEqualTo("*:*:*:*:a\\:b\\\\c\n");
	}

}
