package io.strongroom.runner;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseUrlTests {

	@Test
	void parsesAHerokuPostgresUrl() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl
			.parse("postgres://u1abc:p9f8e7d6@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d4vo1kkq?sslmode=require");
		assertThat(url.engine()).isEqualTo(Engine.POSTGRES);
		assertThat(url.host()).isEqualTo("ec2-1-2-3-4.compute-1.amazonaws.com");
		assertThat(url.port()).isEqualTo(5432);
		assertThat(url.user()).isEqualTo("u1abc");
		assertThat(url.password().value()).isEqualTo("p9f8e7d6");
		assertThat(url.database()).isEqualTo("d4vo1kkq");
		assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"));
	}

	@ParameterizedTest
	@CsvSource({ "postgres://u:p@h/db, POSTGRES, 5432", "postgresql://u:p@h/db, POSTGRES, 5432",
			"mysql://u:p@h/db, MYSQL, 3306", "mariadb://u:p@h/db, MARIADB, 3306",
			"MYSQL://u:p@h:3307/db, MYSQL, 3307" })
	void schemesNameTheEngineAndItsDefaultPort(String text, Engine engine, int port) throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse(text);
		assertThat(url.engine()).isEqualTo(engine);
		assertThat(url.port()).isEqualTo(port);
	}

	@Test
	void percentDecodesEveryPartButKeepsPlusSigns() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("mysql://us%40er:p%3Aa%2Fs%25s+w%C3%B6rd@host:3306/my%20db");
		assertThat(url.user()).isEqualTo("us@er");
		assertThat(url.password().value()).isEqualTo("p:a/s%s+wörd");
		assertThat(url.database()).isEqualTo("my db");
	}

	@Test
	void unencodedAtSignsAndSlashesInThePasswordStillParse() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("postgres://user:p@ss/w:rd@host:6543/db");
		assertThat(url.password().value()).isEqualTo("p@ss/w:rd");
		assertThat(url.host()).isEqualTo("host");
		assertThat(url.port()).isEqualTo(6543);
	}

	@Test
	void acceptsIpv6HostsAndAnEmptyPassword() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("postgres://postgres@[::1]:5433/app");
		assertThat(url.host()).isEqualTo("::1");
		assertThat(url.port()).isEqualTo(5433);
		assertThat(url.password().value()).isEmpty();
		assertThat(url).hasToString("postgres://postgres@[::1]:5433/app");
	}

	@Test
	void toStringMasksThePassword() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("postgres://u:hunter2%21@h:5432/db?sslmode=verify-full");
		assertThat(url.toString()).isEqualTo("postgres://u:****@h:5432/db?sslmode=verify-full")
			.doesNotContain("hunter2");
		assertThat(url.password()).hasToString("**redacted**");
	}

	@Test
	void maskRemovesThePasswordInEverySpellingAndCredentialsOfAnyUrl() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("postgres://u:s%C3%A9cr%2Fet@h:5432/db");
		String text = "FATAL: password sécr/et wrong; tried postgres://u:s%C3%A9cr%2Fet@h:5432/db and "
				+ "%73%C3%A9%63%72%2F%65%74 and mysql://other:xyz@elsewhere/db";
		assertThat(url.mask(text)).doesNotContain("sécr/et", "s%C3%A9cr%2Fet", "%73%C3%A9%63%72%2F%65%74", "xyz")
			.contains("postgres://u:****@h:5432/db", "mysql://other:****@elsewhere/db");
	}

	@Test
	void acceptsMysqlSslModesAndClearDbsReconnect() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("mysql://u:p@h/db?reconnect=true&ssl-mode=verify_identity");
		assertThat(url.parameters()).containsEntry("reconnect", "true").containsEntry("ssl-mode", "verify_identity");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "\"\"| No database URL was given", "host:5432/db| has no scheme",
					"http://u:p@h/db| 'http' is not supported", "postgres://h:5432/db| names no user",
					"postgres://u:p@:5432/db| names no host", "postgres://u:p@h:5432| names no database",
					"postgres://u:p@h:5432/| names no database", "postgres://u:p@h:99999/db| between 1 and 65535",
					"postgres://u:p@h:port/db| between 1 and 65535",
					"postgres://u:p@h/db?sslmode=bogus| not a PostgreSQL SSL mode",
					"postgres://u:p@h/db?foo=bar| parameter 'foo' is not supported",
					"postgres://u@h/db?password=hunter2| not in the query",
					"mysql://u:p@h/db?ssl-mode=maybe| not a MySQL SSL mode", "postgres://u:p@h/db#frag| fragment",
					"postgres://u:p@[::1/db| closing ']'",
					"postgres://u:p@h/d%zzb| database name in the database URL has a '%'" })
	void rejectsBadUrlsWithAUsageMessage(String text, String message) {
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> DatabaseUrl.parse(text))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.USAGE))
			.withMessageContaining(message.strip());
	}

	@Test
	void messagesNeverRepeatThePassword() {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseUrl.parse("postgres://user:hunter2%ZZsecret@host/db"))
			.withMessageContaining("The password in the database URL has a '%'")
			.withMessageNotContaining("hunter2")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> DatabaseUrl.parse("ftp://user:hunter2@host/db"))
			.withMessageNotContaining("hunter2");
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseUrl.parse("postgres://user:hunter2@host:x/db"))
			.withMessageNotContaining("hunter2");
	}

	@Test
	void rejectsLineBreaksInThePasswordWithoutShowingIt() {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter%0A2@h/db"))
			.withMessageContaining("line break")
			.withMessageNotContaining("hunter");
	}

}
