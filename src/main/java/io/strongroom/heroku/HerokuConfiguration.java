package io.strongroom.heroku;

import io.strongroom.system.HerokuProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class HerokuConfiguration {

	@Bean
	HerokuCredentials herokuCredentials(HerokuProperties properties, Environment environment) {
		return HerokuCredentials.from(properties, !environment.acceptsProfiles(Profiles.of("heroku")));
	}

}
