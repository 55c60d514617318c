package io.strongroom.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One 256-bit master key and its id. The id is derived from the key with HMAC (so it
 * identifies the key without revealing it) and prefixes every value the key seals.
 */
final class MasterKey {

	static final int LENGTH = 32;

	private final byte[] key;

	private final String id;

	MasterKey(byte[] key) {
		if (key.length != LENGTH) {
			throw new SecretBoxException("A master key must be exactly 32 bytes");
		}
		this.key = key.clone();
		this.id = deriveId(this.key);
	}

	private static String deriveId(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal("strongroom master key id".getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new SecretBoxException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	String id() {
		return this.id;
	}

	SecretKeySpec aesKey() {
		return new SecretKeySpec(this.key, "AES");
	}

	boolean sameKeyAs(MasterKey other) {
		return java.security.MessageDigest.isEqual(this.key, other.key);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof MasterKey that) && sameKeyAs(that);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.id.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public String toString() {
		return "MasterKey[id=" + this.id + ", key=**redacted**]";
	}

}
