package io.strongroom.target;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;

/**
 * A new encryption key: the key itself only when Strongroom generated it (shown to the
 * customer this once), its fingerprint, and the fingerprint of the key it replaced.
 *
 * @param previousFingerprint the replaced key's fingerprint, or {@code null} when there
 * was no key or the same key was set again; backups made before the change need that key
 */
public record IssuedEncryptionKey(@Nullable Secret key, String fingerprint, @Nullable String previousFingerprint) {

	/** Whether backups made before this change need another key than this one. */
	public boolean replacedAnotherKey() {
		return this.previousFingerprint != null;
	}

}
