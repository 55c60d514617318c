package io.strongroom.secrets;

/**
 * Encryption at rest under Strongroom's master key, for values Strongroom must keep and
 * read back (OAuth tokens, S3 credentials, a database URL in local mode).
 * <p>
 * Contract every implementation keeps:
 * <ul>
 * <li>{@link #seal} never returns the same text twice for the same input (a fresh random
 * nonce each time) and the result names the key that sealed it, so values sealed before a
 * key rotation still open while the previous key is configured.</li>
 * <li>{@link #open} returns the plaintext only if the value is unaltered and was sealed
 * for the same {@code context}; anything else throws {@link SecretBoxException}, whose
 * message never contains the plaintext, the sealed value or a key.</li>
 * <li>Sealed values are printable ASCII without spaces, safe for a {@code VARCHAR}
 * column, at most {@code 12 + ceil(4 * (utf8Bytes + 28) / 3)} characters long.</li>
 * </ul>
 */
public interface SecretBox {

	/**
	 * Seals {@code plaintext} with the current master key.
	 * @param plaintext the secret
	 * @param context what the value is and whom it belongs to (e.g.
	 * {@code "heroku.oauth.access:<uuid>"}); it is authenticated, not stored, so a sealed
	 * value copied to another row or purpose does not open there
	 * @return the sealed value, {@code v1:<key id>:<base64url(nonce, ciphertext, tag)>}
	 */
	String seal(String plaintext, String context);

	/**
	 * Opens a value sealed by {@link #seal(String, String)} with the same
	 * {@code context}.
	 * @throws SecretBoxException if the value was altered, sealed for another context, or
	 * sealed with a key that is no longer configured
	 */
	String open(String sealed, String context);

	/** Same as {@link #seal(String, String)} with an empty context. */
	default String seal(String plaintext) {
		return seal(plaintext, "");
	}

	/** Same as {@link #open(String, String)} with an empty context. */
	default String open(String sealed) {
		return open(sealed, "");
	}

	/**
	 * Whether {@code sealed} was sealed with the current key. A value sealed with the
	 * previous key should be re-sealed ({@link SealedSecrets}) before that key is
	 * retired.
	 */
	boolean isSealedWithCurrentKey(String sealed);

	/** The current key's id: 8 hex characters that identify the key, not reveal it. */
	String currentKeyId();

}
