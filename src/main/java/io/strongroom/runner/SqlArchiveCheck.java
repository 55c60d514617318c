package io.strongroom.runner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a mariadb-dump/mysqldump SQL script to its end. Both tools write
 * {@code -- Dump completed on <date>} as their very last line, only when they finished: a
 * dump without it was cut short. Counts the tables and views whose structure the script
 * holds ({@code -- Table structure for table} and
 * {@code -- Final view structure for view} comments).
 */
final class SqlArchiveCheck implements ArchiveCheck {

	static final String COMPLETED = "-- Dump completed";

	private static final List<byte[]> ENTRY_MARKERS = List.of(
			"-- Table structure for table ".getBytes(StandardCharsets.US_ASCII),
			"-- Final view structure for view ".getBytes(StandardCharsets.US_ASCII));

	private static final int TAIL = 4096;

	@Override
	public Session start(byte[] head) {
		return new Scan();
	}

	/** A scan of the script's line starts and its last bytes. */
	private static final class Scan implements Session {

		private final byte[] tail = new byte[TAIL];

		private int tailLength;

		private final byte[] lineStart = new byte[64];

		private int lineStartLength;

		private boolean atLineStart = true;

		private long entries;

		@Override
		public void write(byte[] buffer, int offset, int n) {
			for (int i = offset; i < offset + n; i++) {
				byte b = buffer[i];
				if (b == '\n') {
					countLine();
					this.atLineStart = true;
				}
				else if (this.atLineStart) {
					this.lineStart[this.lineStartLength++] = b;
					if (this.lineStartLength == this.lineStart.length) {
						countLine();
						this.atLineStart = false;
					}
				}
			}
			// keep the last TAIL bytes seen
			if (n >= TAIL) {
				System.arraycopy(buffer, offset + n - TAIL, this.tail, 0, TAIL);
				this.tailLength = TAIL;
			}
			else {
				int keep = Math.min(this.tailLength, TAIL - n);
				System.arraycopy(this.tail, this.tailLength - keep, this.tail, 0, keep);
				System.arraycopy(buffer, offset, this.tail, keep, n);
				this.tailLength = keep + n;
			}
		}

		private void countLine() {
			for (byte[] marker : ENTRY_MARKERS) {
				if (this.lineStartLength >= marker.length
						&& Arrays.equals(this.lineStart, 0, marker.length, marker, 0, marker.length)) {
					this.entries++;
				}
			}
			this.lineStartLength = 0;
		}

		@Override
		public long finish() throws Damaged {
			if (this.tailLength == 0) {
				throw new Damaged("The decrypted backup is empty: there is no SQL dump in it.");
			}
			String end = new String(this.tail, 0, this.tailLength, StandardCharsets.UTF_8).strip();
			String lastLine = end.substring(end.lastIndexOf('\n') + 1);
			if (!lastLine.startsWith(COMPLETED)) {
				throw new Damaged("The SQL dump does not end with mariadb-dump's \"" + COMPLETED + "\" line: it was "
						+ "cut short (the dump tool did not finish).");
			}
			return this.entries;
		}

		@Override
		public void close() {
			// nothing runs outside this object
		}

	}

}
