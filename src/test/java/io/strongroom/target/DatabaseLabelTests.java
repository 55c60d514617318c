package io.strongroom.target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseLabelTests {

	@ParameterizedTest
	@ValueSource(strings = { "DATABASE", "PURPLE", "X", "HEROKU_POSTGRESQL_RED",
			"A1234567890123456789012345678901234567890" })
	void acceptsConfigVarStyleLabels(String label) {
		if (label.length() > 40) {
			assertThatExceptionOfType(InvalidSettingsException.class).isThrownBy(() -> new DatabaseLabel(label));
		}
		else {
			assertThat(new DatabaseLabel(label).value()).isEqualTo(label);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "database", "1DB", "_DB", "DB-1", "DB 1", "DÄTABASE" })
	void refusesAnythingElseNamingTheRule(String label) {
		assertThatExceptionOfType(InvalidSettingsException.class).isThrownBy(() -> new DatabaseLabel(label))
			.withMessageContaining("upper-case letter")
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("label"));
	}

	@Test
	void namesTheConfigVarsOfItsUrls() {
		assertThat(DatabaseLabel.DEFAULT.urlEnvironmentVariable()).isEqualTo("STRONGROOM_DATABASE_URL");
		assertThat(new DatabaseLabel("PURPLE").urlEnvironmentVariable()).isEqualTo("STRONGROOM_PURPLE_DATABASE_URL");
		assertThat(new DatabaseLabel("PURPLE").verificationUrlEnvironmentVariable())
			.isEqualTo("STRONGROOM_PURPLE_VERIFY_DATABASE_URL");
	}

}
