package io.strongroom.secrets;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master key settings (environment variables in brackets).
 *
 * @param masterKey the current key, 32 bytes base64 ({@code STRONGROOM_MASTER_KEY});
 * seals and opens
 * @param masterKeyPrevious the key before the last rotation
 * ({@code STRONGROOM_MASTER_KEY_PREVIOUS}); opens only, and its values are re-sealed at
 * start-up
 * @param keyFile where the embedded default keeps a generated key when no master key is
 * set
 * @param generateKey whether a missing key may be generated into {@code keyFile}; the
 * {@code heroku} profile turns this off, because a key on a dyno's ephemeral disk would
 * be lost at the next restart
 */
@ConfigurationProperties("strongroom.secrets")
record SecretsProperties(@Nullable String masterKey, @Nullable String masterKeyPrevious,
		@DefaultValue("./data/master.key") Path keyFile, @DefaultValue("true") boolean generateKey) {

	@Override
	public String toString() {
		return "SecretsProperties[masterKey=" + ((this.masterKey != null) ? "**redacted**" : "unset")
				+ ", masterKeyPrevious=" + ((this.masterKeyPrevious != null) ? "**redacted**" : "unset") + ", keyFile="
				+ this.keyFile + ", generateKey=" + this.generateKey + "]";
	}

}
