package io.strongroom.heroku;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.strongroom.system.HerokuProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The secrets Heroku shares with Strongroom: the add-on id and password that authenticate
 * partner calls, and the SSO salt. Both the partner API and single sign-on read them
 * here.
 * <p>
 * Under the {@code heroku} profile they come from {@code HEROKU_ADDON_PASSWORD} and
 * {@code HEROKU_SSO_SALT} (the start-up check refuses blanks). In the embedded default a
 * blank one is generated at start-up (32 random hex characters, as {@code kensa init}
 * did) and kept in memory only, so the {@code /dev} page can provision and sign in
 * without any setup; it changes at every restart.
 */
public final class HerokuCredentials {

	private static final Log logger = LogFactory.getLog(HerokuCredentials.class);

	private final String addonId;

	private final String addonPassword;

	private final String ssoSalt;

	private final boolean generated;

	private HerokuCredentials(String addonId, String addonPassword, String ssoSalt, boolean generated) {
		this.addonId = addonId;
		this.addonPassword = addonPassword;
		this.ssoSalt = ssoSalt;
		this.generated = generated;
	}

	/**
	 * The configured credentials; blank ones are generated only when {@code mayGenerate}
	 * (never under the {@code heroku} profile).
	 */
	public static HerokuCredentials from(HerokuProperties properties, boolean mayGenerate) {
		return from(properties.addonId(), properties.addonPassword(), properties.ssoSalt(), mayGenerate,
				new SecureRandom());
	}

	static HerokuCredentials from(String addonId, @Nullable String password, @Nullable String salt, boolean mayGenerate,
			SecureRandom random) {
		boolean generated = false;
		if (isBlank(password) || isBlank(salt)) {
			if (!mayGenerate) {
				throw new IllegalStateException(
						(isBlank(password) ? "HEROKU_ADDON_PASSWORD" : "HEROKU_SSO_SALT") + " is missing");
			}
			generated = true;
			String names = (isBlank(password) && isBlank(salt)) ? "HEROKU_ADDON_PASSWORD and HEROKU_SSO_SALT"
					: isBlank(password) ? "HEROKU_ADDON_PASSWORD" : "HEROKU_SSO_SALT";
			logger.info("Embedded default: generated a random " + names
					+ " for this run, kept in memory (the /dev page uses them; set the variables to keep them)");
		}
		return new HerokuCredentials(addonId, isBlank(password) ? randomHex(random) : password,
				isBlank(salt) ? randomHex(random) : salt, generated);
	}

	private static String randomHex(SecureRandom random) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The manifest {@code id}: the Basic-auth user of partner calls. */
	public String addonId() {
		return this.addonId;
	}

	/**
	 * The manifest {@code api.password}, for callers that must build a partner request.
	 */
	public String addonPassword() {
		return this.addonPassword;
	}

	/** The manifest {@code api.sso_salt}. */
	public String ssoSalt() {
		return this.ssoSalt;
	}

	/** Whether a password or salt was generated at start-up (embedded default only). */
	public boolean generated() {
		return this.generated;
	}

	/**
	 * Whether {@code id}/{@code password} are the add-on's. Compares digests with
	 * {@link MessageDigest#isEqual}, so the time taken reveals neither the length nor a
	 * matching prefix, and always checks both.
	 */
	public boolean matchesAddon(@Nullable String id, @Nullable String password) {
		boolean idMatches = MessageDigest.isEqual(sha256((id != null) ? id : ""), sha256(this.addonId));
		boolean passwordMatches = MessageDigest.isEqual(sha256((password != null) ? password : ""),
				sha256(this.addonPassword));
		return idMatches & passwordMatches & id != null & password != null;
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "HerokuCredentials[addonId=" + this.addonId + ", addonPassword=**redacted**, ssoSalt=**redacted**]";
	}

}
