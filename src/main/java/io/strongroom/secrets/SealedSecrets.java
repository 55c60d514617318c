package io.strongroom.secrets;

/**
 * Implemented by every module that keeps values sealed by {@link SecretBox}, so a master
 * key rotation re-seals them all (docs/secrets.md). Strongroom calls each bean at
 * start-up while {@code STRONGROOM_MASTER_KEY_PREVIOUS} is set.
 * <p>
 * Implementations must be idempotent and safe when two processes run them at once: each
 * value is re-sealed in its own short transaction (or compare-and-set), and a value
 * already sealed with the current key is left alone.
 */
public interface SealedSecrets {

	/**
	 * Re-seals every value not sealed with the current key.
	 * @return how many values were re-sealed
	 */
	int resealWithCurrentKey(SecretBox box);

}
