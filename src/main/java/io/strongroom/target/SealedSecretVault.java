package io.strongroom.target;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.strongroom.runner.Secret;
import io.strongroom.secrets.SealedSecrets;
import io.strongroom.secrets.SecretBox;
import io.strongroom.tenant.TenantId;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault on Strongroom's own database: each value sealed by the secrets module's
 * {@link SecretBox} (AES-GCM under the master key) with a context naming its tenant and
 * purpose. Takes part in master key rotation ({@link SealedSecrets}).
 */
class SealedSecretVault implements SecretVault, SealedSecrets {

	private final TargetSecretRepository secrets;

	private final SecretBox box;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SealedSecretVault(TargetSecretRepository secrets, SecretBox box, TransactionTemplate transactions, Clock clock) {
		this.secrets = secrets;
		this.box = box;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void put(TenantId tenant, String name, Secret value) {
		String sealed = this.box.seal(value.value(), context(tenant.value(), name));
		Optional<TargetSecret> existing = this.secrets.findByTenantIdAndName(tenant.value(), name);
		if (existing.isPresent()) {
			existing.get().resealed(sealed, this.clock.instant());
			this.secrets.save(existing.get());
		}
		else {
			this.secrets.save(new TargetSecret(tenant.value(), name, sealed, this.clock.instant()));
		}
	}

	@Override
	public Optional<Secret> get(TenantId tenant, String name) {
		return this.secrets.findByTenantIdAndName(tenant.value(), name)
			.map((secret) -> new Secret(this.box.open(secret.sealed(), context(tenant.value(), name))));
	}

	@Override
	public void delete(TenantId tenant, String name) {
		this.secrets.deleteByTenantIdAndName(tenant.value(), name);
	}

	@Override
	public void deleteAll(TenantId tenant) {
		this.secrets.deleteByTenantId(tenant.value());
	}

	@Override
	public int resealWithCurrentKey(SecretBox box) {
		int resealed = 0;
		UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
		while (true) {
			UUID from = after;
			List<TargetSecret> page = this.transactions
				.execute((status) -> this.secrets.findTop500ByIdGreaterThanOrderById(from));
			if (page.isEmpty()) {
				return resealed;
			}
			for (TargetSecret secret : page) {
				if (!box.isSealedWithCurrentKey(secret.sealed())) {
					// One short transaction per value; a concurrent reseal loses on the
					// version check and leaves the other's (equally current) value.
					Boolean done = this.transactions.execute((status) -> this.secrets.findById(secret.id())
						.filter((fresh) -> !box.isSealedWithCurrentKey(fresh.sealed()))
						.map((fresh) -> {
							String context = context(fresh.tenantId(), fresh.name());
							fresh.resealed(box.seal(box.open(fresh.sealed(), context), context), this.clock.instant());
							this.secrets.save(fresh);
							return true;
						})
						.orElse(false));
					if (Boolean.TRUE.equals(done)) {
						resealed++;
					}
				}
				after = secret.id();
			}
		}
	}

	private static String context(UUID tenant, String name) {
		return "target:" + tenant + ":" + name;
	}

}
