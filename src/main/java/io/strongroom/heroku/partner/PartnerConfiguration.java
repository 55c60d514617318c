package io.strongroom.heroku.partner;

import java.time.Clock;

import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.heroku.platform.OAuthTokens;
import io.strongroom.secrets.SecretBox;
import io.strongroom.system.StrongroomProperties;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

	@Bean
	ProvisioningWorker provisioningWorker(ProvisioningJobRepository jobs, TenantRepository tenants, OAuthTokens tokens,
			HerokuPlatformClient platform, SecretBox box, PlatformTransactionManager transactionManager,
			PartnerProperties properties, StrongroomProperties strongroom) {
		return new ProvisioningWorker(jobs, tenants, tokens, platform, box, new TransactionTemplate(transactionManager),
				properties, Provisioning.apiUrl(strongroom), Clock.systemUTC());
	}

	@Bean
	Provisioning provisioning(TenantRepository tenants, ProvisioningJobRepository jobs, PlanCatalog plans,
			SecretBox box, OAuthTokens tokens, StrongroomProperties strongroom, PartnerProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			ProvisioningWorker worker) {
		return new Provisioning(tenants, jobs, plans, box, tokens, strongroom, properties, events,
				new TransactionTemplate(transactionManager), worker, Clock.systemUTC());
	}

	@Bean
	ProvisioningSecrets provisioningSecrets(ProvisioningJobRepository jobs,
			PlatformTransactionManager transactionManager) {
		return new ProvisioningSecrets(jobs, new TransactionTemplate(transactionManager));
	}

}
