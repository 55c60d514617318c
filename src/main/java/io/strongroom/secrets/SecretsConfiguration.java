package io.strongroom.secrets;

import java.security.SecureRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

	private static final Log logger = LogFactory.getLog(SecretsConfiguration.class);

	@Bean
	SecretBox secretBox(SecretsProperties properties) {
		SecureRandom random = new SecureRandom();
		MasterKey current;
		if (hasText(properties.masterKey())) {
			current = MasterKeys.parse(properties.masterKey(), "STRONGROOM_MASTER_KEY");
		}
		else if (properties.generateKey()) {
			current = MasterKeys.fromFile(properties.keyFile(), random);
			logger.info("STRONGROOM_MASTER_KEY is not set: using the key file " + properties.keyFile() + " (key id "
					+ current.id() + "); back it up with the database");
		}
		else {
			throw new SecretBoxException(
					"STRONGROOM_MASTER_KEY is not set; generate one with: openssl rand -base64 32 (see docs/secrets.md)");
		}
		MasterKey previous = hasText(properties.masterKeyPrevious())
				? MasterKeys.parse(properties.masterKeyPrevious(), "STRONGROOM_MASTER_KEY_PREVIOUS") : null;
		AesGcmSecretBox box = new AesGcmSecretBox(current, previous, random);
		logger.info("Secrets are sealed with master key " + current.id()
				+ ((previous != null) ? "; values sealed with " + previous.id() + " are re-sealed at start-up" : ""));
		return box;
	}

	@Bean
	MasterKeyRotation masterKeyRotation(SecretBox box, SecretsProperties properties,
			org.springframework.beans.factory.ObjectProvider<SealedSecrets> stores) {
		return new MasterKeyRotation(box, hasText(properties.masterKeyPrevious()), stores);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
