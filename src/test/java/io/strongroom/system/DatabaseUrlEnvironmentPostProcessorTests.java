package io.strongroom.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabaseUrlEnvironmentPostProcessorTests {

	@Test
	void herokuStyleUrlBecomesJdbcSettings() {
		Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor
			.datasourceProperties("postgres://u%40ser:p%3Ass@db.example.com:5433/strongroom?sslmode=require");
		assertThat(properties)
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db.example.com:5433/strongroom?sslmode=require")
			.containsEntry("spring.datasource.username", "u@ser")
			.containsEntry("spring.datasource.password", "p:ss");
	}

	@Test
	void portDefaultsTo5432() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.datasourceProperties("postgresql://u:p@host/db"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://host:5432/db");
	}

	@Test
	void withoutDatabaseUrlTheEmbeddedDefaultStays() {
		MockEnvironment environment = new MockEnvironment();
		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DatabaseUrlEnvironmentPostProcessor.SOURCE_NAME))
			.isFalse();
	}

	@Test
	void databaseUrlOverridesTheEmbeddedDefault() {
		MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", "postgres://u:p@host:5432/db")
			.withProperty("spring.datasource.url", "jdbc:h2:file:./data/strongroom");
		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://host:5432/db");
	}

	@Test
	void otherSchemesAreRefusedWithoutEchoingTheUrl() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.datasourceProperties("mysql://u:secret@host/db"))
			.withMessageContaining("PostgreSQL")
			.withMessageNotContaining("secret");
	}

}
