package io.strongroom.heroku.partner;

import java.util.UUID;

import io.strongroom.secrets.SealedSecrets;
import io.strongroom.secrets.SecretBox;
import io.strongroom.secrets.SecretBoxException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Re-seals the provisioning jobs' grant codes and answer tokens after a key rotation. */
class ProvisioningSecrets implements SealedSecrets {

	private static final Log logger = LogFactory.getLog(ProvisioningSecrets.class);

	private final ProvisioningJobRepository jobs;

	private final TransactionTemplate transactions;

	ProvisioningSecrets(ProvisioningJobRepository jobs, TransactionTemplate transactions) {
		this.jobs = jobs;
		this.transactions = transactions;
	}

	@Override
	public int resealWithCurrentKey(SecretBox box) {
		int count = 0;
		for (UUID id : this.jobs.findIdsWithSealedValues()) {
			try {
				Boolean resealed = this.transactions.execute((status) -> this.jobs.findById(id).map((job) -> {
					String grant = reseal(box, job.grantCodeSealed(), ProvisioningJob.grantContext(id));
					String token = reseal(box, job.apiTokenSealed(), ProvisioningJob.apiTokenContext(id));
					if (same(grant, job.grantCodeSealed()) && same(token, job.apiTokenSealed())) {
						return false;
					}
					job.resealed(grant, token);
					return true;
				}).orElse(false));
				if (Boolean.TRUE.equals(resealed)) {
					count++;
				}
			}
			catch (OptimisticLockingFailureException ex) {
				// the worker moved this job on meanwhile; what it stored is sealed with
				// the current key
				logger.info("Provisioning job of add-on " + id + " changed while re-sealing; skipped");
			}
			catch (SecretBoxException ex) {
				logger.error("Cannot re-seal the provisioning job of add-on " + id + ": " + ex.getMessage());
			}
		}
		return count;
	}

	private static @Nullable String reseal(SecretBox box, @Nullable String sealed, String context) {
		if (sealed == null || box.isSealedWithCurrentKey(sealed)) {
			return sealed;
		}
		return box.seal(box.open(sealed, context), context);
	}

	private static boolean same(@Nullable String a, @Nullable String b) {
		return (a == null) ? b == null : a.equals(b);
	}

}
