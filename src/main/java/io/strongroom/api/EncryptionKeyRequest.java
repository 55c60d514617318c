package io.strongroom.api;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/encryption-key}: {@code {"generate": true}} or {@code {"key":
 * "..."}}.
 */
record EncryptionKeyRequest(@Nullable Boolean generate, @Nullable String key) {

	@Override
	public String toString() {
		return "EncryptionKeyRequest[generate=" + this.generate + ", key="
				+ ((this.key != null) ? "**redacted**" : null) + "]";
	}

}
