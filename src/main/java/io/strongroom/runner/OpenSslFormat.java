package io.strongroom.runner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The facts of {@code openssl enc -aes-256-cbc -salt -pbkdf2 -iter 100000 -md sha256}:
 * the file starts with {@code Salted__} and an 8-byte random salt; PBKDF2-HMAC-SHA256 of
 * the pass phrase's bytes with that salt and 100,000 iterations gives 48 bytes, the
 * AES-256 key (32) and the CBC IV (16); the rest is AES-256-CBC with PKCS#7 padding.
 * <p>
 * The MAC key is derived the same way with a second, independent random salt (recorded in
 * the manifest): it is the key {@code openssl enc ... -S <macSalt> -P} prints, so anyone
 * can re-derive it with stock openssl, and it shares nothing with the encryption key.
 */
final class OpenSslFormat {

	static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);

	static final int SALT_LENGTH = 8;

	static final int HEADER_LENGTH = MAGIC.length + SALT_LENGTH;

	static final int ITERATIONS = 100_000;

	static final String CIPHER = "aes-256-cbc";

	/** Slices fed to the cipher: 1 MiB calls miss the JIT's bulk AES-CBC intrinsic. */
	static final int SLICE = 64 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private OpenSslFormat() {
	}

	static byte[] newSalt() {
		byte[] salt = new byte[SALT_LENGTH];
		RANDOM.nextBytes(salt);
		return salt;
	}

	static byte[] header(byte[] salt) {
		byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
		System.arraycopy(salt, 0, header, MAGIC.length, SALT_LENGTH);
		return header;
	}

	static byte[] passphraseBytes(Secret passphrase) {
		// openssl takes the environment variable's bytes as they are; Java decoded them
		// with the platform charset, UTF-8 gives them back
		return passphrase.value().getBytes(StandardCharsets.UTF_8);
	}

	/** A cipher set up as openssl would for this pass phrase and salt. */
	static Cipher cipher(int mode, Secret passphrase, byte[] salt) {
		byte[] derived = pbkdf2(passphraseBytes(passphrase), salt, ITERATIONS, 48);
		try {
			return cipher(mode, derived);
		}
		finally {
			Arrays.fill(derived, (byte) 0);
		}
	}

	/** A cipher from the 48 derived bytes: the AES-256 key, then the CBC IV. */
	static Cipher cipher(int mode, byte[] derived) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(mode, new SecretKeySpec(derived, 0, 32, "AES"), new IvParameterSpec(derived, 32, 16));
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-CBC is not available in this JVM", ex);
		}
	}

	/**
	 * The HMAC-SHA256 key for a MAC salt: what {@code openssl enc -P -S} prints as key.
	 */
	static Mac mac(Secret passphrase, byte[] macSalt) {
		byte[] key = pbkdf2(passphraseBytes(passphrase), macSalt, ITERATIONS, 32);
		try {
			return mac(key);
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	/** An HMAC-SHA256 with a derived MAC key. */
	static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	/** PBKDF2 (RFC 8018) with HMAC-SHA256 over raw bytes, as OpenSSL computes it. */
	static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
		byte[] out = new byte[length];
		for (int block = 1, offset = 0; offset < length; block++, offset += 32) {
			byte[] t = pbkdf2Block(password, salt, iterations, block);
			System.arraycopy(t, 0, out, offset, Math.min(32, length - offset));
			Arrays.fill(t, (byte) 0);
		}
		return out;
	}

	/**
	 * One 32-byte block of PBKDF2-HMAC-SHA256 (blocks are independent, so they can be
	 * derived on separate threads). HMAC's inner and outer hash states after the padded
	 * key are computed once and cloned for every iteration: two SHA-256 compressions per
	 * iteration instead of four.
	 */
	static byte[] pbkdf2Block(byte[] password, byte[] salt, int iterations, int block) {
		if (password.length == 0) {
			throw new IllegalArgumentException("The encryption key is empty");
		}
		try {
			byte[] key = (password.length > 64) ? MessageDigest.getInstance("SHA-256").digest(password) : password;
			byte[] ipad = new byte[64];
			byte[] opad = new byte[64];
			for (int i = 0; i < 64; i++) {
				byte k = (i < key.length) ? key[i] : 0;
				ipad[i] = (byte) (k ^ 0x36);
				opad[i] = (byte) (k ^ 0x5c);
			}
			MessageDigest inner = MessageDigest.getInstance("SHA-256");
			inner.update(ipad);
			MessageDigest outer = MessageDigest.getInstance("SHA-256");
			outer.update(opad);
			Arrays.fill(ipad, (byte) 0);
			Arrays.fill(opad, (byte) 0);
			if (key != password) {
				Arrays.fill(key, (byte) 0);
			}
			byte[] u = new byte[32];
			MessageDigest digest = (MessageDigest) inner.clone();
			digest.update(salt);
			digest.update(
					new byte[] { (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block });
			digest.digest(u, 0, 32);
			digest = (MessageDigest) outer.clone();
			digest.update(u);
			digest.digest(u, 0, 32);
			byte[] t = u.clone();
			for (int i = 1; i < iterations; i++) {
				digest = (MessageDigest) inner.clone();
				digest.update(u);
				digest.digest(u, 0, 32);
				digest = (MessageDigest) outer.clone();
				digest.update(u);
				digest.digest(u, 0, 32);
				for (int j = 0; j < 32; j++) {
					t[j] ^= u[j];
				}
			}
			Arrays.fill(u, (byte) 0);
			return t;
		}
		catch (GeneralSecurityException | CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
