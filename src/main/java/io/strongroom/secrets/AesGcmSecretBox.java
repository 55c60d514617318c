package io.strongroom.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM with a random 96-bit nonce per value. Stored form:
 * {@code v1:<key id>:<base64url(nonce || ciphertext || 128-bit tag)>}. The version, key
 * id and caller's context are the additional authenticated data, so none of them can be
 * swapped without the tag failing. Random 96-bit nonces are safe for far more values than
 * Strongroom will ever seal under one key (NIST SP 800-38D bounds it at 2^32).
 */
final class AesGcmSecretBox implements SecretBox {

	static final String VERSION = "v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final MasterKey current;

	private final Map<String, MasterKey> keys = new LinkedHashMap<>();

	private final SecureRandom random;

	AesGcmSecretBox(MasterKey current, @Nullable MasterKey previous, SecureRandom random) {
		this.current = current;
		this.random = random;
		this.keys.put(current.id(), current);
		if (previous != null && !previous.sameKeyAs(current)) {
			if (this.keys.containsKey(previous.id())) {
				throw new SecretBoxException("The current and previous master keys have the same key id "
						+ previous.id() + "; generate a new current key");
			}
			this.keys.put(previous.id(), previous);
		}
	}

	@Override
	public String seal(String plaintext, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] sealed = encrypt(this.current, nonce, aad(this.current.id(), context),
				plaintext.getBytes(StandardCharsets.UTF_8));
		return VERSION + ":" + this.current.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
	}

	@Override
	public String open(String sealed, String context) {
		String[] parts = sealed.split(":", -1);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new SecretBoxException("Not a value sealed by Strongroom (expected v1:<key id>:<data>)");
		}
		MasterKey key = this.keys.get(parts[1]);
		if (key == null) {
			throw new SecretBoxException("This value was sealed with master key " + parts[1]
					+ ", which is not configured: set STRONGROOM_MASTER_KEY_PREVIOUS to that key (see docs/secrets.md)");
		}
		byte[] data;
		try {
			data = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new SecretBoxException("A sealed value is corrupt (not base64url)");
		}
		if (data.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new SecretBoxException("A sealed value is corrupt (too short)");
		}
		return new String(decrypt(key, data, aad(key.id(), context)), StandardCharsets.UTF_8);
	}

	@Override
	public boolean isSealedWithCurrentKey(String sealed) {
		return sealed.startsWith(VERSION + ":" + this.current.id() + ":");
	}

	@Override
	public String currentKeyId() {
		return this.current.id();
	}

	private static byte[] aad(String keyId, String context) {
		return ("strongroom-secretbox:" + VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
	}

	/** nonce || AES-GCM(ciphertext || tag); package-private for the known-answer test. */
	static byte[] encrypt(MasterKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(aad);
			byte[] ciphertext = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
		}
		catch (GeneralSecurityException ex) {
			throw new SecretBoxException("AES-GCM is not available in this JVM", ex);
		}
	}

	private static byte[] decrypt(MasterKey key, byte[] data, byte[] aad) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
			cipher.updateAAD(aad);
			return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new SecretBoxException(
					"A sealed value failed authentication: it was altered, or it belongs to another record");
		}
		catch (GeneralSecurityException ex) {
			throw new SecretBoxException("A sealed value could not be opened", ex);
		}
	}

	@Override
	public String toString() {
		return "AesGcmSecretBox[current=" + this.current.id() + ", keys=" + this.keys.keySet() + "]";
	}

}
