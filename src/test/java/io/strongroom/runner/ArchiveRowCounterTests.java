package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row counts of a custom-format archive's stream, on archives built here byte by byte
 * (the layout pg_dump writes to a pipe); {@code PostgresDumpIntegrationTests} counts real
 * pg_dump archives.
 */
class ArchiveRowCounterTests {

	/** An archive writer with pg_dump's integer and string encoding. */
	static final class Archive {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		final int minor;

		Archive(int minor, int entries) {
			this.minor = minor;
			this.out.writeBytes("PGDMP".getBytes(StandardCharsets.US_ASCII));
			this.out.writeBytes(new byte[] { 1, (byte) minor, 0, 4, 8, 1 });
			if (minor >= 15) {
				this.out.write(0);
			}
			else {
				integer(0);
			}
			for (int i = 0; i < 7; i++) {
				integer(i);
			}
			string("db");
			string("15.20");
			string("15.20");
			integer(entries);
		}

		Archive integer(long value) {
			this.out.write((value < 0) ? 1 : 0);
			long magnitude = Math.abs(value);
			for (int i = 0; i < 4; i++) {
				this.out.write((int) (magnitude >>> (8 * i)) & 0xff);
			}
			return this;
		}

		Archive string(String value) {
			if (value == null) {
				return integer(-1);
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			integer(bytes.length);
			this.out.writeBytes(bytes);
			return this;
		}

		Archive entry(int dumpId, String tableOid, String oid, String tag, String desc, String... dependencies) {
			integer(dumpId).integer(desc.endsWith("DATA") ? 1 : 0)
				.string(tableOid)
				.string(oid)
				.string(tag)
				.string(desc);
			integer(2).string("CREATE something;\n-- with\nnewlines").string("").string(null).string("public");
			string("");
			if (this.minor >= 14) {
				string("heap");
			}
			if (this.minor >= 16) {
				integer('r');
			}
			string("postgres").string("false");
			for (String dependency : dependencies) {
				string(dependency);
			}
			string(null);
			this.out.write(2);
			this.out.writeBytes(new byte[8]);
			return this;
		}

		Archive data(int dumpId, String... chunks) {
			this.out.write(ArchiveRowCounter.BLK_DATA);
			integer(dumpId);
			for (String chunk : chunks) {
				string(chunk);
			}
			return integer(0);
		}

		Archive largeObjects(int dumpId, long... oids) {
			this.out.write(ArchiveRowCounter.BLK_BLOBS);
			integer(dumpId);
			for (long oid : oids) {
				integer(oid);
				string("\n\n\\.\n\n\n");
				integer(0);
			}
			return integer(0);
		}

		byte[] bytes() {
			return this.out.toByteArray();
		}

	}

	/** pg_dump 15's archive of three tables, a sequence and large objects. */
	static byte[] sample(int minor) {
		return new Archive(minor, 6).entry(10, "1259", "16384", "items", "TABLE")
			.entry(11, "0", "16384", "items", "TABLE DATA", "10")
			.entry(12, "0", "16390", "empty", "TABLE DATA")
			.entry(13, "0", "16400", "no columns", "TABLE DATA")
			.entry(14, "1259", "16410", "items_id_seq", "SEQUENCE SET")
			.entry(15, "0", "0", "BLOBS", "BLOBS")
			.data(11, "1\tline one\\nstill one\n", "2\t\\\\.\n", "3\t\n", "\\.\n\n\n")
			.data(12, "\\.\n\n\n")
			.data(13, "\n", "\n", "\\.\n\n\n")
			.largeObjects(15, 16500, 16501)
			.bytes();
	}

	static Optional<Map<Long, Long>> count(byte[] archive, int piece) {
		ArchiveRowCounter counter = new ArchiveRowCounter();
		for (int i = 0; i < archive.length; i += piece) {
			byte[] slice = Arrays.copyOfRange(archive, i, Math.min(archive.length, i + piece));
			// offsets other than 0 too
			byte[] padded = new byte[slice.length + 3];
			System.arraycopy(slice, 0, padded, 3, slice.length);
			counter.accept(padded, 3, slice.length);
		}
		counter.end();
		assertThat(counter.result()).isDone();
		return counter.result().join();
	}

	@Test
	void countsEveryTablesRowsWhateverTheReadSizes() {
		for (int minor : List.of(12, 13, 14, 15, 16)) {
			byte[] archive = sample(minor);
			for (int piece : List.of(1, 2, 3, 5, 8, 13, 64, 4096, archive.length)) {
				assertThat(count(archive, piece)).as("format 1.%d, pieces of %d", minor, piece)
					.hasValue(Map.of(16384L, 3L, 16390L, 0L, 16400L, 2L));
			}
		}
	}

	@Test
	void countsThroughTheStreamItObserves() throws IOException {
		ArchiveRowCounter counter = new ArchiveRowCounter();
		try (InputStream in = counter.observe(new ByteArrayInputStream(sample(14)))) {
			assertThat(in.read()).isEqualTo('P');
			in.readAllBytes();
		}
		assertThat(counter.result().join()).hasValue(Map.of(16384L, 3L, 16390L, 0L, 16400L, 2L));
	}

	@Test
	void aStreamThatEndsEarlyOrIsAbandonedHasNoCounts() {
		byte[] archive = sample(14);
		for (int length : List.of(0, 10, 200, archive.length - 40, archive.length - 1)) {
			assertThat(count(Arrays.copyOf(archive, length), 7)).as("%d bytes", length).isEmpty();
		}
		ArchiveRowCounter abandoned = new ArchiveRowCounter();
		abandoned.accept(archive, 0, 100);
		abandoned.abandon();
		assertThat(abandoned.result().join()).isEmpty();
	}

	@Test
	void formatsItDoesNotKnowAndInconsistentArchivesHaveNoCounts() {
		assertThat(count(sample(11), 64)).isEmpty();
		assertThat(count(sample(17), 64)).isEmpty();
		assertThat(count("not an archive at all".getBytes(StandardCharsets.US_ASCII), 64)).isEmpty();
		// a table's data entry without its block
		byte[] missingBlock = new Archive(14, 2).entry(11, "0", "16384", "a", "TABLE DATA")
			.entry(12, "0", "16390", "b", "TABLE DATA")
			.data(11, "1\n")
			.bytes();
		assertThat(count(missingBlock, 64)).isEmpty();
		// a block for an entry the contents do not list as table data
		byte[] unlisted = new Archive(14, 1).entry(11, "0", "16384", "a", "TABLE DATA")
			.data(11, "1\n")
			.data(99, "1\n")
			.bytes();
		assertThat(count(unlisted, 64)).isEmpty();
		byte[] twice = new Archive(14, 1).entry(11, "0", "16384", "a", "TABLE DATA")
			.data(11, "1\n")
			.data(11, "1\n")
			.bytes();
		assertThat(count(twice, 64)).isEmpty();
		byte[] unknownBlock = Arrays.copyOf(sample(14), sample(14).length + 1);
		unknownBlock[unknownBlock.length - 1] = 7;
		assertThat(count(unknownBlock, 64)).isEmpty();
	}

	@Test
	void rowsAreTheNewlinesLessTheEndOfDataLines() {
		assertThat(rows("")).isZero();
		assertThat(rows("\\.\n\n\n")).isZero();
		assertThat(rows("\\.\n")).isZero();
		assertThat(rows("a\n\\.\n\n\n")).isEqualTo(1);
		assertThat(rows("a\nb\n")).isEqualTo(2);
		assertThat(rows("a\nb\n\\.\n")).isEqualTo(2);
		// a value ending in an escaped backslash and a dot is data, not the marker
		assertThat(rows("a\\\\.\n")).isEqualTo(1);
		assertThat(rows("x\\.\n\n\n")).isEqualTo(3);
		// rows of a table without columns are empty lines
		assertThat(rows("\n\n\n")).isEqualTo(3);
		assertThat(rows("\n\n\n\\.\n\n\n")).isEqualTo(3);
	}

	private static long rows(String data) {
		byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);
		long tail = 0;
		for (byte b : bytes) {
			tail = (tail << 8) | (b & 0xff);
		}
		return ArchiveRowCounter.rowsOf(ArchiveRowCounter.newlines(bytes, 0, bytes.length), bytes.length, tail);
	}

	@Test
	void newlinesAreCountedExactlyManyBytesAtATime() {
		Random random = new Random(42);
		for (int round = 0; round < 2000; round++) {
			byte[] bytes = new byte[random.nextInt(300)];
			random.nextBytes(bytes);
			for (int i = 0; i < bytes.length; i++) {
				// plenty of newlines and their neighbours (0x0b, 0x8a) next to each other
				int pick = random.nextInt((round % 10 == 0) ? 2 : 6);
				if (pick == 0) {
					bytes[i] = '\n';
				}
				else if (pick == 1) {
					bytes[i] = (byte) (('\n' + 1) | ((random.nextBoolean()) ? 0x80 : 0));
				}
			}
			int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
			int length = bytes.length - offset;
			long expected = 0;
			for (int i = offset; i < offset + length; i++) {
				expected += (bytes[i] == '\n') ? 1 : 0;
			}
			assertThat(ArchiveRowCounter.newlines(bytes, offset, length)).isEqualTo(expected);
		}
	}

}
