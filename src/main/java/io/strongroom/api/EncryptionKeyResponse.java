package io.strongroom.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The key's fingerprint; the key itself only in the answer that generated it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EncryptionKeyResponse(@Nullable String key, String fingerprint) {

	@Override
	public String toString() {
		return "EncryptionKeyResponse[fingerprint=" + this.fingerprint + "]";
	}

}
