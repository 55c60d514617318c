package io.strongroom.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AesGcmSecretBoxTests {

	private static final HexFormat HEX = HexFormat.of();

	private final MasterKey key = new MasterKey(bytes(1));

	private final MasterKey otherKey = new MasterKey(bytes(2));

	private final SecretBox box = new AesGcmSecretBox(this.key, null, new SecureRandom());

	@Test
	void opensWhatItSealed() {
		String sealed = this.box.seal("s3cr3t-ä€", "ctx");
		assertThat(this.box.open(sealed, "ctx")).isEqualTo("s3cr3t-ä€");
		assertThat(this.box.open(this.box.seal(""), "")).isEmpty();
	}

	@Test
	void sealedValueNamesItsKeyAndHidesThePlaintext() {
		String sealed = this.box.seal("s3cr3t-value", "ctx");
		assertThat(sealed).matches("v1:[0-9a-f]{8}:[A-Za-z0-9_-]+").startsWith("v1:" + this.key.id() + ":");
		assertThat(sealed).doesNotContain("s3cr3t");
		assertThat(this.box.currentKeyId()).isEqualTo(this.key.id());
	}

	@Test
	void everySealUsesAFreshNonce() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			assertThat(seen.add(this.box.seal("same", "ctx"))).isTrue();
		}
	}

	@Test
	void lengthStaysWithinTheDocumentedBound() {
		for (int n : new int[] { 0, 1, 43, 255, 1000 }) {
			String plaintext = "x".repeat(n);
			assertThat(this.box.seal(plaintext, "c").length()).isLessThanOrEqualTo(12 + (4 * (n + 28) + 2) / 3);
		}
	}

	@Test
	void refusesAnotherContext() {
		String sealed = this.box.seal("token", "heroku.oauth.access:a");
		assertThatExceptionOfType(SecretBoxException.class)
			.isThrownBy(() -> this.box.open(sealed, "heroku.oauth.access:b"))
			.withMessageContaining("failed authentication");
	}

	@Test
	void detectsEveryFlippedBit() {
		String sealed = this.box.seal("token", "c");
		String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
		byte[] data = Base64.getUrlDecoder().decode(sealed.substring(prefix.length()));
		for (int bit = 0; bit < data.length * 8; bit++) {
			byte[] flipped = data.clone();
			flipped[bit / 8] ^= (byte) (1 << (bit % 8));
			String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
			assertThatExceptionOfType(SecretBoxException.class).isThrownBy(() -> this.box.open(tampered, "c"));
		}
	}

	@Test
	void detectsTruncationAndGarbage() {
		String sealed = this.box.seal("token", "c");
		assertThatExceptionOfType(SecretBoxException.class)
			.isThrownBy(() -> this.box.open(sealed.substring(0, sealed.length() - 4), "c"));
		assertThatExceptionOfType(SecretBoxException.class).isThrownBy(() -> this.box.open("v1:abc", "c"))
			.withMessageContaining("Not a value sealed");
		assertThatExceptionOfType(SecretBoxException.class)
			.isThrownBy(() -> this.box.open("v1:" + this.key.id() + ":AAAA", "c"))
			.withMessageContaining("too short");
		assertThatExceptionOfType(SecretBoxException.class)
			.isThrownBy(() -> this.box.open("v1:" + this.key.id() + ":***", "c"))
			.withMessageContaining("base64url");
	}

	@Test
	void previousKeyOpensButNeverSeals() {
		SecretBox old = new AesGcmSecretBox(this.otherKey, null, new SecureRandom());
		String sealedBefore = old.seal("token", "c");
		SecretBox rotated = new AesGcmSecretBox(this.key, this.otherKey, new SecureRandom());
		assertThat(rotated.open(sealedBefore, "c")).isEqualTo("token");
		assertThat(rotated.isSealedWithCurrentKey(sealedBefore)).isFalse();
		String resealed = rotated.seal(rotated.open(sealedBefore, "c"), "c");
		assertThat(rotated.isSealedWithCurrentKey(resealed)).isTrue();
		assertThat(resealed).startsWith("v1:" + this.key.id() + ":");
	}

	@Test
	void unknownKeySaysWhichKeyIsMissingWithoutRevealingAnything() {
		String sealed = new AesGcmSecretBox(this.otherKey, null, new SecureRandom()).seal("token", "c");
		assertThatExceptionOfType(SecretBoxException.class).isThrownBy(() -> this.box.open(sealed, "c"))
			.withMessageContaining(this.otherKey.id())
			.withMessageContaining("STRONGROOM_MASTER_KEY_PREVIOUS")
			.withMessageNotContaining("token")
			.withMessageNotContaining(sealed.substring(12));
	}

	@Test
	void keyIdDependsOnTheKeyOnly() {
		assertThat(new MasterKey(bytes(1)).id()).isEqualTo(this.key.id()).isNotEqualTo(this.otherKey.id());
		assertThat(this.key.toString()).contains("redacted").doesNotContain(HEX.formatHex(bytes(1)));
	}

	/**
	 * AES-256-GCM known answer: McGrew and Viega, "The Galois/Counter Mode of Operation",
	 * test case 16 (256-bit key, 96-bit IV, 20 bytes of AAD).
	 */
	@Test
	void matchesTheGcmSpecificationTestCase16() {
		MasterKey nistKey = new MasterKey(
				HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
		byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
		byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
		byte[] plaintext = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
				+ "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
		byte[] sealed = AesGcmSecretBox.encrypt(nistKey, iv, aad, plaintext);
		assertThat(HEX.formatHex(sealed)).isEqualTo("cafebabefacedbaddecaf888"
				+ "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
				+ "c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b");
	}

	@Test
	void toleratesThePreviousKeyBeingTheCurrentOne() {
		SecretBox sameKeyTwice = new AesGcmSecretBox(this.key, new MasterKey(bytes(1)), new SecureRandom());
		assertThat(sameKeyTwice.open(sameKeyTwice.seal("x", "c"), "c")).isEqualTo("x");
	}

	private static byte[] bytes(int seed) {
		byte[] bytes = new byte[32];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

}
