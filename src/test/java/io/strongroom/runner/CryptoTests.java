package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.Mac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Known answers against the real {@code openssl} binary in both directions, and the MAC's
 * refusal of changed or truncated files.
 */
class CryptoTests {

	static final String KEY = "correct horse battery staple \u00e9";

	static final Secret SECRET = new Secret(KEY);

	static final HexFormat HEX = HexFormat.of();

	static byte[] plain(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	static byte[] encrypt(byte[] plain, byte[] salt) throws IOException {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		try (EncryptingOutputStream out = new EncryptingOutputStream(sink, SECRET, salt)) {
			// uneven writes cross slice and block boundaries
			for (int offset = 0; offset < plain.length;) {
				int n = Math.min(plain.length - offset, 1 + (offset % 70_001));
				out.write(plain, offset, n);
				offset += n;
			}
		}
		return sink.toByteArray();
	}

	static byte[] decrypt(byte[] encrypted, Secret key) throws IOException {
		try (DecryptingInputStream in = new DecryptingInputStream(new ByteArrayInputStream(encrypted), key)) {
			return in.readAllBytes();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 1_048_581 })
	void encryptsByteForByteWhatOpensslWrites(int size) throws IOException {
		byte[] salt = HEX.parseHex("0011223344556677");
		byte[] expectedBody = OpenSslProcess.encrypt(KEY, plain(size), "-S", "0011223344556677");
		byte[] ours = encrypt(plain(size), salt);
		assertThat(Arrays.copyOfRange(ours, 0, 8)).isEqualTo("Salted__".getBytes(StandardCharsets.US_ASCII));
		assertThat(Arrays.copyOfRange(ours, 8, 16)).isEqualTo(salt);
		assertThat(Arrays.copyOfRange(ours, 16, ours.length)).isEqualTo(expectedBody);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 16, 65_537, 1_048_581 })
	void decryptsWhatOpensslEncrypts(int size) throws IOException {
		byte[] encrypted = OpenSslProcess.encrypt(KEY, plain(size));
		assertThat(Arrays.copyOf(encrypted, 8)).isEqualTo("Salted__".getBytes(StandardCharsets.US_ASCII));
		assertThat(decrypt(encrypted, SECRET)).isEqualTo(plain(size));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 33, 1_048_581 })
	void opensslDecryptsWhatWeEncrypt(int size) throws IOException {
		byte[] encrypted = encrypt(plain(size), OpenSslFormat.newSalt());
		assertThat(OpenSslProcess.decrypt(KEY, encrypted)).isEqualTo(plain(size));
	}

	@Test
	void pbkdf2MatchesRfc7914() {
		byte[] derived = OpenSslFormat.pbkdf2("passwd".getBytes(StandardCharsets.US_ASCII),
				"salt".getBytes(StandardCharsets.US_ASCII), 1, 64);
		assertThat(HEX.formatHex(derived)).isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
				+ "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
	}

	@Test
	void pbkdf2MatchesTheJdkForShortAndLongKeys() throws Exception {
		// a key longer than SHA-256's block is hashed first (RFC 2104)
		for (String password : new String[] { "k", "a".repeat(64), "b".repeat(65) + "\u00e9t\u00e9" }) {
			byte[] salt = HEX.parseHex("0102030405060708");
			javax.crypto.SecretKeyFactory jdk = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
			byte[] expected = jdk
				.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 1000, 80 * 8))
				.getEncoded();
			assertThat(OpenSslFormat.pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, 1000, 80))
				.isEqualTo(expected);
		}
	}

	@Test
	void keysDerivedOnThreadsAreTheOnesOpensslDerives() throws IOException {
		byte[] salt = HEX.parseHex("0a0b0c0d0e0f1011");
		byte[] macSalt = HEX.parseHex("a1b2c3d4e5f60718");
		StreamKeys keys = StreamKeys.derive(new Secret(KEY), salt, macSalt).join();
		byte[] plain = plain(100_000);
		ByteArrayOutputStream object = new ByteArrayOutputStream();
		try (EncryptingOutputStream out = new EncryptingOutputStream(object, keys.cipher(), keys.salt())) {
			out.write(plain);
		}
		assertThat(OpenSslProcess.decrypt(KEY, object.toByteArray())).isEqualTo(plain);
		assertThat(HEX.formatHex(keys.mac().doFinal(plain))).isEqualTo(HEX.formatHex(
				OpenSslFormat.mac(HEX.parseHex(OpenSslProcess.printedKey(KEY, "a1b2c3d4e5f60718"))).doFinal(plain)));
	}

	@Test
	void macKeyIsTheKeyOpensslEncPrintsForTheMacSalt() {
		byte[] macSalt = HEX.parseHex("a1b2c3d4e5f60718");
		byte[] ours = OpenSslFormat.pbkdf2(KEY.getBytes(StandardCharsets.UTF_8), macSalt, 100_000, 32);
		assertThat(HEX.formatHex(ours)).isEqualTo(OpenSslProcess.printedKey(KEY, "a1b2c3d4e5f60718"));
	}

	@Test
	void hmacIsWhatOpensslDgstComputes() throws IOException {
		byte[] macSalt = HEX.parseHex("a1b2c3d4e5f60718");
		byte[] object = encrypt(plain(200_000), OpenSslFormat.newSalt());
		Integrity integrity = Integrity.of(new ByteArrayInputStream(object), OpenSslFormat.mac(SECRET, macSalt));
		String macKey = OpenSslProcess.printedKey(KEY, "a1b2c3d4e5f60718");
		String dgst = new String(
				OpenSslProcess.run(KEY, object,
						List.of("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + macKey, "-r")),
				StandardCharsets.US_ASCII);
		String sha = new String(OpenSslProcess.run(KEY, object, List.of("openssl", "dgst", "-sha256", "-r")),
				StandardCharsets.US_ASCII);
		assertThat(integrity.hmac()).isEqualTo(dgst.split(" ")[0]);
		assertThat(integrity.sha256()).isEqualTo(sha.split(" ")[0]);
		assertThat(integrity.bytes()).isEqualTo(object.length);
	}

	@Test
	void flippedBitAnywhereFailsTheHmac() throws IOException {
		byte[] macSalt = OpenSslFormat.newSalt();
		byte[] object = encrypt(plain(100_000), OpenSslFormat.newSalt());
		Integrity good = Integrity.of(new ByteArrayInputStream(object), OpenSslFormat.mac(SECRET, macSalt));
		Mac mac = OpenSslFormat.mac(SECRET, macSalt);
		for (int position : new int[] { 3, 12, 16, 50_000, object.length - 1 }) {
			byte[] flipped = object.clone();
			flipped[position] ^= 0x10;
			Integrity bad = Integrity.of(new ByteArrayInputStream(flipped), mac);
			assertThatExceptionOfType(IntegrityException.class).isThrownBy(() -> bad.verify(good.hmac(), good.sha256()))
				.withMessageContaining("HMAC does not match");
		}
		Integrity.of(new ByteArrayInputStream(object), mac).verify(good.hmac(), good.sha256());
	}

	@Test
	void truncatedFileFailsTheHmacAndTheDecryption() throws IOException {
		byte[] macSalt = OpenSslFormat.newSalt();
		byte[] object = encrypt(plain(100_000), OpenSslFormat.newSalt());
		Integrity good = Integrity.of(new ByteArrayInputStream(object), OpenSslFormat.mac(SECRET, macSalt));
		byte[] truncated = Arrays.copyOf(object, object.length - 16);
		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> Integrity.of(new ByteArrayInputStream(truncated), OpenSslFormat.mac(SECRET, macSalt))
				.verify(good.hmac(), null));
		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> decrypt(Arrays.copyOf(object, object.length - 5), SECRET))
			.withMessageContaining("truncated");
	}

	@Test
	void wrongKeyFailsTheHmac() throws IOException {
		byte[] macSalt = HEX.parseHex("0102030405060708");
		byte[] object = encrypt(plain(1000), HEX.parseHex("0807060504030201"));
		Integrity good = Integrity.of(new ByteArrayInputStream(object), OpenSslFormat.mac(SECRET, macSalt));
		Integrity other = Integrity.of(new ByteArrayInputStream(object),
				OpenSslFormat.mac(new Secret("another key"), macSalt));
		assertThatExceptionOfType(IntegrityException.class).isThrownBy(() -> other.verify(good.hmac(), good.sha256()))
			.withMessageContaining("encryption key");
	}

	@Test
	void fileWithoutOpensslHeaderIsRefused() {
		assertThatExceptionOfType(IntegrityException.class)
			.isThrownBy(() -> decrypt("PGDMP not encrypted".getBytes(StandardCharsets.US_ASCII), SECRET))
			.withMessageContaining("Salted__");
	}

	@Test
	void macKeyAndEncryptionKeyDiffer() {
		byte[] salt = HEX.parseHex("0102030405060708");
		byte[] derived = OpenSslFormat.pbkdf2(KEY.getBytes(StandardCharsets.UTF_8), salt, 100_000, 48);
		byte[] macKey = OpenSslFormat.pbkdf2(KEY.getBytes(StandardCharsets.UTF_8), HEX.parseHex("0102030405060709"),
				100_000, 32);
		assertThat(Arrays.copyOf(derived, 32)).isNotEqualTo(macKey);
	}

}
