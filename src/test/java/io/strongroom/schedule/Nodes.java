package io.strongroom.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.strongroom.StrongroomApplication;
import io.strongroom.support.TestDatabase;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole web processes (without the web server) as separate Spring application
 * contexts in this JVM, so tests can run two on one database and restart one.
 */
final class Nodes {

	private Nodes() {
	}

	static Map<String, Object> postgres(TestDatabase.Coordinates db) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", db.jdbcUrl());
		properties.put("spring.datasource.username", db.user());
		properties.put("spring.datasource.password", db.password());
		return properties;
	}

	/**
	 * One process: the application plus the test clock and the recording listener.
	 * @param name the node's name: Quartz instance id and {@code test.node}
	 */
	static ConfigurableApplicationContext start(String name, Map<String, Object> properties) {
		return start(name, properties, ScheduleTestConfiguration.class);
	}

	/** One process with the given test configuration. */
	static ConfigurableApplicationContext start(String name, Map<String, Object> properties, Class<?> configuration) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.main.banner-mode", "off");
		all.put("spring.quartz.properties.org.quartz.scheduler.instanceId", name);
		all.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
		all.put("spring.jmx.enabled", "false");
		all.put("test.node", name);
		all.putAll(properties);
		// As command-line arguments: they win over application.properties (default
		// properties would lose to it and leave every node on the embedded H2 file).
		String[] args = all.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(StrongroomApplication.class, configuration).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton(ExcludeTestTypes.class.getName(), new ExcludeTestTypes()))
			.run(args);
	}

	static TenantId tenant(ConfigurableApplicationContext context, String plan) {
		TenantId id = new TenantId(UUID.randomUUID());
		Tenant tenant = Tenant.provisioning(id, "acme-" + id.value().toString().substring(0, 8), plan, "us", null, null,
				null, Instant.parse("2026-01-01T00:00:00Z"));
		tenant.provisioned();
		context.getBean(TenantRepository.class).save(tenant);
		return id;
	}

}
