package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The start of a pg_dump custom-format archive: enough to tell an archive from something
 * else (still encrypted, still compressed) and which pg_dump wrote it, so a pg_restore
 * that can read it is chosen. Layout as pg_backup_archiver.c's {@code ReadHead}.
 *
 * @param formatVersion archive format, e.g. {@code 1.14}
 * @param dumpVersion the pg_dump version that wrote it (empty for archives older than
 * format 1.10, or when the header could not be read further)
 */
record PgArchiveHeader(String formatVersion, Optional<String> dumpVersion) {

	static final int PEEK = 8192;

	private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Reads the header without consuming it.
	 * @param in a stream that supports mark/reset
	 * @return the header, or empty when the stream is not a custom-format archive
	 */
	static Optional<PgArchiveHeader> peek(BufferedInputStream in) throws IOException {
		in.mark(PEEK);
		byte[] start = in.readNBytes(PEEK);
		in.reset();
		return parse(start);
	}

	static Optional<PgArchiveHeader> parse(byte[] bytes) {
		if (bytes.length < MAGIC.length + 6 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
			return Optional.empty();
		}
		int major = bytes[5] & 0xff;
		int minor = bytes[6] & 0xff;
		String format = major + "." + minor;
		int intSize = bytes[8] & 0xff;
		Reader reader = new Reader(new ByteArrayInputStream(bytes, 11, bytes.length - 11), intSize);
		try {
			if (major > 1 || minor >= 15) {
				reader.readByte(); // compression algorithm
			}
			else if (minor >= 4) {
				reader.readInt(); // compression level
			}
			if (major == 1 && minor < 10) {
				return Optional.of(new PgArchiveHeader(format, Optional.empty()));
			}
			for (int i = 0; i < 7; i++) {
				reader.readInt(); // creation time
			}
			reader.readString(); // database name
			reader.readString(); // server version
			return Optional.of(new PgArchiveHeader(format, Optional.ofNullable(reader.readString())));
		}
		catch (IOException | RuntimeException ex) {
			// a layout this code does not know: the format is still known
			return Optional.of(new PgArchiveHeader(format, Optional.empty()));
		}
	}

	private static final class Reader {

		private final InputStream in;

		private final int intSize;

		Reader(InputStream in, int intSize) {
			this.in = in;
			this.intSize = intSize;
		}

		int readByte() throws IOException {
			int b = this.in.read();
			if (b < 0) {
				throw new IOException("header ends early");
			}
			return b;
		}

		long readInt() throws IOException {
			boolean negative = readByte() != 0;
			long value = 0;
			for (int i = 0; i < this.intSize; i++) {
				value |= ((long) readByte()) << (8 * i);
			}
			return negative ? -value : value;
		}

		String readString() throws IOException {
			long length = readInt();
			if (length < 0) {
				return null;
			}
			if (length > 1024) {
				throw new IOException("implausible string length");
			}
			byte[] bytes = this.in.readNBytes((int) length);
			if (bytes.length != length) {
				throw new IOException("header ends early");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

}
