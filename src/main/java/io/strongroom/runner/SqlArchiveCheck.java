package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
	public long readThrough(InputStream plainDump) throws Damaged, IOException {
		byte[] buffer = new byte[64 * 1024];
		byte[] tail = new byte[TAIL];
		int tailLength = 0;
		byte[] lineStart = new byte[64];
		int lineStartLength = 0;
		boolean atLineStart = true;
		long entries = 0;
		for (int n; (n = plainDump.read(buffer)) >= 0;) {
			for (int i = 0; i < n; i++) {
				byte b = buffer[i];
				if (b == '\n') {
					entries += isEntry(lineStart, lineStartLength) ? 1 : 0;
					lineStartLength = 0;
					atLineStart = true;
				}
				else if (atLineStart) {
					lineStart[lineStartLength++] = b;
					if (lineStartLength == lineStart.length) {
						entries += isEntry(lineStart, lineStartLength) ? 1 : 0;
						atLineStart = false;
						lineStartLength = 0;
					}
				}
			}
			// the last TAIL bytes seen
			if (n >= TAIL) {
				System.arraycopy(buffer, n - TAIL, tail, 0, TAIL);
				tailLength = TAIL;
			}
			else {
				int keep = Math.min(tailLength, TAIL - n);
				System.arraycopy(tail, tailLength - keep, tail, 0, keep);
				System.arraycopy(buffer, 0, tail, keep, n);
				tailLength = keep + n;
			}
		}
		if (tailLength == 0) {
			throw new Damaged("The decrypted backup is empty: there is no SQL dump in it.");
		}
		String end = new String(tail, 0, tailLength, StandardCharsets.UTF_8).strip();
		String lastLine = end.substring(end.lastIndexOf('\n') + 1);
		if (!lastLine.startsWith(COMPLETED)) {
			throw new Damaged("The SQL dump does not end with mariadb-dump's \"" + COMPLETED + "\" line: it was cut "
					+ "short (the dump tool did not finish).");
		}
		return entries;
	}

	private static boolean isEntry(byte[] line, int length) {
		for (byte[] marker : ENTRY_MARKERS) {
			if (length >= marker.length && java.util.Arrays.equals(line, 0, marker.length, marker, 0, marker.length)) {
				return true;
			}
		}
		return false;
	}

}
