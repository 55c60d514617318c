package io.strongroom.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MasterKeysTests {

	private static final byte[] KEY = new byte[32];

	static {
		new SecureRandom().nextBytes(KEY);
	}

	@Test
	void acceptsBase64Base64UrlAndHex() {
		String id = new MasterKey(KEY).id();
		assertThat(MasterKeys.parse(Base64.getEncoder().encodeToString(KEY), "K").id()).isEqualTo(id);
		assertThat(MasterKeys.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY) + "\n", "K").id())
			.isEqualTo(id);
		assertThat(MasterKeys.parse(HexFormat.of().formatHex(KEY), "K").id()).isEqualTo(id);
	}

	@Test
	void refusesWrongLengthsAndGarbageWithoutEchoingThem() {
		String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
		for (String bad : new String[] { sixteenBytes, "CHANGEME-master-key", "", "%%%" }) {
			assertThat(MasterKeys.isWellFormed(bad)).isFalse();
			assertThatExceptionOfType(SecretBoxException.class)
				.isThrownBy(() -> MasterKeys.parse(bad, "STRONGROOM_MASTER_KEY"))
				.withMessageStartingWith("STRONGROOM_MASTER_KEY is not a master key")
				.withMessageNotContaining(bad.isEmpty() ? "\u0000" : bad);
		}
		assertThat(MasterKeys.isWellFormed(null)).isFalse();
	}

	@Test
	void generatesAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data/master.key");
		MasterKey first = MasterKeys.fromFile(file, new SecureRandom());
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.list(file.getParent())).containsExactly(file);
		MasterKey second = MasterKeys.fromFile(file, new SecureRandom());
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.sameKeyAs(first)).isTrue();
	}

	@Test
	void aCorruptKeyFileIsNamed(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("master.key");
		Files.writeString(file, "not a key");
		assertThatExceptionOfType(SecretBoxException.class)
			.isThrownBy(() -> MasterKeys.fromFile(file, new SecureRandom()))
			.withMessageContaining(file.toString())
			.withMessageNotContaining("not a key");
	}

}
