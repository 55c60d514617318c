package io.strongroom.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.target.IssuedEncryptionKey;

/**
 * The key's fingerprint; the key itself only in the answer that generated it. When the
 * key replaced another one, {@code previousFingerprint} names the old key and
 * {@code warning} says that backups made until now still need it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EncryptionKeyResponse(@Nullable String key, String fingerprint, @Nullable String previousFingerprint,
		@Nullable String warning) {

	static EncryptionKeyResponse of(IssuedEncryptionKey issued) {
		String previous = issued.previousFingerprint();
		String warning = (previous != null) ? "This key replaces the key with fingerprint " + previous
				+ ". Backups made until now were encrypted with that key and can only be decrypted with it;"
				+ " Strongroom does not keep it. Keep the old key somewhere safe for as long as you keep those backups"
				+ " (printf %s \"$KEY\" | sha256sum | cut -c1-16 prints a key's fingerprint, so you can tell which"
				+ " one you hold). New backups use the new key." : null;
		return new EncryptionKeyResponse((issued.key() != null) ? issued.key().value() : null, issued.fingerprint(),
				previous, warning);
	}

	@Override
	public String toString() {
		return "EncryptionKeyResponse[fingerprint=" + this.fingerprint + ", previousFingerprint="
				+ this.previousFingerprint + "]";
	}

}
