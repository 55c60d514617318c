package io.strongroom.target;

import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.schedule.Schedules;
import io.strongroom.secrets.SecretBox;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class TargetConfiguration {

	@Bean
	SealedSecretVault targetSecretVault(TargetSecretRepository secrets, SecretBox box,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		return new SealedSecretVault(secrets, box, new TransactionTemplate(transactionManager),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	TargetSecrets targetSecrets(@Value("${strongroom.secrets.mode:local}") String mode, SealedSecretVault vault,
			ObjectProvider<HerokuPlatformClient> heroku) {
		TargetSecrets.Mode parsed;
		try {
			parsed = TargetSecrets.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("strongroom.secrets.mode must be local or heroku, not " + mode);
		}
		HerokuPlatformClient client = heroku.getIfAvailable();
		return new TargetSecrets(parsed, vault, (client != null) ? new HerokuConfigVars(client) : null);
	}

	@Bean
	Targets targets(BackupDatabaseRepository databases, DestinationRepository destinations,
			EncryptionKeyRepository keys, TenantRepository tenants, PlanCatalog plans, TargetSecrets secrets,
			Schedules schedules, TargetProperties properties, JsonMapper json,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock,
			@Value("${strongroom.run.launcher:local}") String launcher,
			@Value("${strongroom.run.client-directories:}") List<String> clientDirectories,
			ApplicationEventPublisher events) {
		// "Test connection" names the dump tool the runner would pick: it reads where the
		// run module starts runners and where they look for tools.
		ConnectionProbe.Clients dumpClients = new ConnectionProbe.Clients("local".equalsIgnoreCase(launcher.trim()),
				clientDirectories.stream().filter((directory) -> !directory.isBlank()).map(Path::of).toList());
		return new Targets(databases, destinations, keys, tenants, plans, secrets, schedules, properties, json,
				new TransactionTemplate(transactionManager), clock.getIfAvailable(Clock::systemUTC), dumpClients,
				events);
	}

}
