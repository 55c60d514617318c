package io.strongroom.target;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;
import io.strongroom.tenant.TenantId;

/**
 * Where each secret lives (ARCHITECTURE.md, "Where each secret lives"). Local mode:
 * everything encrypted at rest ({@link SecretVault}). Heroku mode: database URLs and the
 * encryption key only in the customer's config vars, so Strongroom cannot read a
 * customer's data or decrypt a backup; S3 credentials in config vars and also encrypted
 * at rest, because pruning and download links need them.
 * <p>
 * Config vars are written before the database transaction that records the change (the
 * Platform API must not be called inside one); a save that fails afterwards leaves a
 * config var set that the customer's next save overwrites.
 */
class TargetSecrets {

	/** How secrets are kept: {@code strongroom.secrets.mode}. */
	enum Mode {

		LOCAL, HEROKU

	}

	static final String ENCRYPTION_KEY = "encryption-key";

	static final String ACCESS_KEY_ID = "destination/access-key-id";

	static final String SECRET_ACCESS_KEY = "destination/secret-access-key";

	private final Mode mode;

	private final SecretVault vault;

	private final @Nullable ConfigVars configVars;

	TargetSecrets(Mode mode, SecretVault vault, @Nullable ConfigVars configVars) {
		if (mode == Mode.HEROKU && configVars == null) {
			throw new IllegalStateException("strongroom.secrets.mode=heroku needs the Heroku Platform API client");
		}
		this.mode = mode;
		this.vault = vault;
		this.configVars = configVars;
	}

	boolean heroku() {
		return this.mode == Mode.HEROKU;
	}

	/**
	 * Heroku mode: sets (or, for {@code null}, removes) config vars. Local mode: nothing.
	 */
	void toConfigVars(TenantId tenant, Map<String, @Nullable String> vars) {
		if (this.mode == Mode.HEROKU && !vars.isEmpty()) {
			this.configVars.set(tenant, vars);
		}
	}

	/**
	 * Stores (or, for {@code null}, deletes) sealed values; call inside the transaction.
	 */
	void toVault(TenantId tenant, Map<String, @Nullable Secret> values) {
		values.forEach((name, value) -> {
			if (value == null) {
				this.vault.delete(tenant, name);
			}
			else {
				this.vault.put(tenant, name, value);
			}
		});
	}

	Optional<Secret> fromVault(TenantId tenant, String name) {
		return this.vault.get(tenant, name);
	}

	void erase(TenantId tenant) {
		this.vault.deleteAll(tenant);
	}

	static String urlName(DatabaseLabel label) {
		return "database/" + label.value() + "/url";
	}

	static String verificationName(DatabaseLabel label) {
		return "database/" + label.value() + "/verification-url";
	}

}
