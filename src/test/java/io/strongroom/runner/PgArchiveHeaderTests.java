package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgArchiveHeaderTests {

	/** The first 160 bytes of {@code pg_dump -Fc -Z0} 15.20 output. */
	static final byte[] PG15 = HexFormat.of()
		.parseHex("5047444d50010e0004080100000000000022000000003000000000000000000016000000000a0000"
				+ "00007e00000000000000000008000000706f737467726573001e00000031352e3230202844656269"
				+ "616e2031352e32302d302b6465623132753129001e00000031352e3230202844656269616e203135"
				+ "2e32302d302b6465623132753129000500000000080d000000000000000001000000300001000000");

	@Test
	void readsTheFormatAndThePgDumpVersionWithoutConsumingTheStream() throws IOException {
		BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(PG15));
		Optional<PgArchiveHeader> header = PgArchiveHeader.peek(in);
		assertThat(header).hasValueSatisfying((value) -> {
			assertThat(value.formatVersion()).isEqualTo("1.14");
			assertThat(value.dumpVersion()).hasValue("15.20 (Debian 15.20-0+deb12u1)");
		});
		assertThat(in.readAllBytes()).isEqualTo(PG15);
	}

	@Test
	void somethingElseIsNoArchive() {
		assertThat(PgArchiveHeader.parse("Salted__12345678".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(PgArchiveHeader.parse(new byte[] { 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd })).isEmpty();
		assertThat(PgArchiveHeader.parse(new byte[0])).isEmpty();
	}

	@Test
	void aTruncatedHeaderStillNamesTheFormat() {
		byte[] start = java.util.Arrays.copyOf(PG15, 40);
		assertThat(PgArchiveHeader.parse(start)).hasValueSatisfying((value) -> {
			assertThat(value.formatVersion()).isEqualTo("1.14");
			assertThat(value.dumpVersion()).isEmpty();
		});
	}

}
