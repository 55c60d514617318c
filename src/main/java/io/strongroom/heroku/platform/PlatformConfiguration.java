package io.strongroom.heroku.platform;

import java.time.Clock;

import io.strongroom.secrets.SecretBox;
import io.strongroom.system.HerokuProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	HerokuHttp herokuHttp(PlatformProperties properties) {
		return new HerokuHttp(properties, (duration) -> Thread.sleep(duration.toMillis()));
	}

	@Bean
	HerokuIdentityClient herokuIdentityClient(HerokuHttp http, HerokuProperties heroku, PlatformProperties properties) {
		return new HerokuIdentityClient(http, heroku.idUrl(), heroku.clientSecret(), properties);
	}

	@Bean
	OAuthTokens oauthTokens(OAuthTokenRepository repository, HerokuIdentityClient identity, SecretBox box,
			PlatformTransactionManager transactionManager, PlatformProperties properties) {
		return new OAuthTokens(repository, identity, box, new TransactionTemplate(transactionManager), properties,
				Clock.systemUTC());
	}

	@Bean
	RestHerokuPlatformClient herokuPlatformClient(HerokuHttp http, OAuthTokens tokens, HerokuProperties heroku,
			PlatformProperties properties) {
		return new RestHerokuPlatformClient(http, tokens, heroku.apiUrl(), properties);
	}

}
