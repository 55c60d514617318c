package io.strongroom.secrets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.util.ClassUtils;

/**
 * Re-seals every stored value with the current key while a previous key is configured, so
 * the operator can retire the previous key after one successful start (docs/secrets.md).
 */
class MasterKeyRotation {

	private static final Log logger = LogFactory.getLog(MasterKeyRotation.class);

	private final SecretBox box;

	private final boolean previousKeyConfigured;

	private final ObjectProvider<SealedSecrets> stores;

	MasterKeyRotation(SecretBox box, boolean previousKeyConfigured, ObjectProvider<SealedSecrets> stores) {
		this.box = box;
		this.previousKeyConfigured = previousKeyConfigured;
		this.stores = stores;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resealAfterStart() {
		if (this.previousKeyConfigured) {
			reseal();
		}
	}

	/**
	 * @return how many values were re-sealed across all modules
	 */
	int reseal() {
		int total = 0;
		for (SealedSecrets store : this.stores.orderedStream().toList()) {
			String name = ClassUtils.getUserClass(store).getSimpleName();
			try {
				int count = store.resealWithCurrentKey(this.box);
				total += count;
				logger.info(
						"Re-sealed " + count + " value(s) in " + name + " with master key " + this.box.currentKeyId());
			}
			catch (RuntimeException ex) {
				// never stop the application over it: the next start tries again
				logger.error("Re-sealing the values in " + name + " failed (" + ex.getClass().getSimpleName()
						+ "); keep STRONGROOM_MASTER_KEY_PREVIOUS set and restart to retry");
			}
		}
		logger.info("Master key rotation: " + total
				+ " value(s) re-sealed; STRONGROOM_MASTER_KEY_PREVIOUS can be removed once every process has started");
		return total;
	}

}
