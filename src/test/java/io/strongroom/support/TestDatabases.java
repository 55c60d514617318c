package io.strongroom.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a Spring test context at a fresh PostgreSQL database (the production database),
 * made by {@link TestDatabase}. Import it in every {@code @SpringBootTest} and
 * {@code @DataJpaTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabases {

	@Bean
	DynamicPropertyRegistrar strongroomTestDatabase() {
		TestDatabase.Coordinates db = TestDatabase.postgres();
		return (registry) -> {
			registry.add("spring.datasource.url", db::jdbcUrl);
			registry.add("spring.datasource.username", db::user);
			registry.add("spring.datasource.password", db::password);
			// Every cached test context keeps its pool open on a server shared by several
			// JVMs.
			registry.add("spring.datasource.hikari.maximum-pool-size", () -> 5);
			registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
		};
	}

}
