package io.strongroom.heroku.sso;

import io.strongroom.system.HerokuProperties;

import org.springframework.stereotype.Component;

/** The manifest's {@code sso_salt} that Heroku signs sign-ins with. */
@Component
class SsoSalt {

	private final HerokuProperties properties;

	SsoSalt(HerokuProperties properties) {
		this.properties = properties;
	}

	String value() {
		String salt = this.properties.ssoSalt();
		if (salt == null || salt.isBlank()) {
			throw new IllegalStateException("HEROKU_SSO_SALT is not set");
		}
		return salt;
	}

}
