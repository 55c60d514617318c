package io.strongroom.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.strongroom.runner.Engine;
import io.strongroom.runner.Secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConnectionUrlTests {

	@ParameterizedTest
	@CsvSource({ "postgres://u:pw@db.example.com:5433/app, POSTGRES, postgres://u:****@db.example.com:5433/app",
			"postgresql://u:pw@db/app, POSTGRES, postgresql://u:****@db:5432/app",
			"mysql://u:pw@db/app, MYSQL, mysql://u:****@db:3306/app",
			"mariadb://u@db:3307/app, MARIADB, mariadb://u@db:3307/app" })
	void takesTheEngineFromTheSchemeAndMasksThePassword(String url, Engine engine, String masked) {
		ConnectionUrl parsed = ConnectionUrl.parse("url", new Secret(url));
		assertThat(parsed.engine()).isEqualTo(engine);
		assertThat(parsed.masked()).isEqualTo(masked);
		assertThat(parsed.toString()).doesNotContain("pw");
	}

	@Test
	void masksPasswordsWithSpecialCharacters() {
		ConnectionUrl parsed = ConnectionUrl.parse("url", new Secret("postgres://u:p%40ss%2Fw@db/app"));
		assertThat(parsed.masked()).isEqualTo("postgres://u:****@db:5432/app");
		assertThat(parsed.parsed().password().value()).isEqualTo("p@ss/w");
	}

	@ParameterizedTest
	@ValueSource(strings = { "oracle://u:hunter2-secret@db/app", "postgres://u:hunter2-secret@/app",
			"not a url hunter2-secret", "postgres://:hunter2-secret@db/app" })
	void refusesUnusableUrlsWithoutRepeatingThem(String url) {
		assertThatExceptionOfType(InvalidSettingsException.class)
			.isThrownBy(() -> ConnectionUrl.parse("url", new Secret(url)))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("hunter2-secret");
				assertThat(ex.field()).isEqualTo("url");
			});
	}

}
