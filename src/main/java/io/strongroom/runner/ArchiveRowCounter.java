package io.strongroom.runner;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Counts the rows of every table in an uncompressed pg_dump custom-format archive while
 * it streams past, so the statistics need no {@code count(*)} competing with the dump for
 * the server's CPU. Layout as pg_backup_archiver.c and pg_backup_custom.c write it to a
 * pipe: the header, the table of contents, then one block per data entry
 * ({@code BLK_DATA}: the entry's id, then length-prefixed chunks of COPY text up to a
 * zero length; {@code BLK_BLOBS}: per large object its OID and chunks, up to OID 0).
 * <p>
 * COPY text ends every row with a newline and escapes newlines inside values, so a
 * table's rows are the newlines of its data, less pg_dump's end-of-data line ({@code \.})
 * and the empty lines after it. Table data entries carry the table's OID.
 * <p>
 * Only the formats this code knows (1.12 to 1.16: pg_dump 11 to 17) are counted; anything
 * else, or anything inconsistent (a block for an entry the contents do not list, a
 * table's data entry without its block, a stream that ends early), makes the result
 * empty, and the caller counts with SQL instead.
 */
final class ArchiveRowCounter {

	static final int BLK_DATA = 1;

	static final int BLK_BLOBS = 3;

	/** The largest table-of-contents entry kept in memory before giving up. */
	static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

	private static final byte[] MAGIC = { 'P', 'G', 'D', 'M', 'P' };

	private static final int MIN_MINOR = 12;

	private static final int MAX_MINOR = 16;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

	private static final long NEWLINES = ONES * '\n';

	private enum State {

		HEAD, BLOCK_TYPE, BLOCK_ID, LO_OID, CHUNK_LENGTH, PAYLOAD, DONE, FAILED

	}

	private final CompletableFuture<Optional<Map<Long, Long>>> result = new CompletableFuture<>();

	private State state = State.HEAD;

	/** Header and contents bytes not parsed yet. */
	private byte[] head = new byte[64 * 1024];

	private int headLength;

	/** Parsed from the header. */
	private int minor;

	private int intSize;

	private int offSize;

	private int entriesLeft = -1;

	/** Every entry's dump id. */
	private final java.util.Set<Integer> entries = new java.util.HashSet<>();

	/** Table data entries: dump id to table OID. */
	private final Map<Integer, Long> tableOids = new HashMap<>();

	/** Rows per dump id, for the blocks seen. */
	private final Map<Integer, Long> rows = new HashMap<>();

	/** The state the integer being read is for. */
	private State intTarget = State.HEAD;

	/** The integer being read across buffers: sign byte, then little-endian bytes. */
	private int intRead;

	private long intValue;

	private boolean intNegative;

	private int blockType;

	/** Whether the current block is a table's data, whose rows are counted. */
	private boolean counting;

	private int blockId;

	private long payloadLeft;

	private long newlines;

	private long blockBytes;

	/** The last bytes of the current block's data, newest in the low byte. */
	private long tail;

	/**
	 * The rows of each table whose data the archive held (table OID to rows), once the
	 * stream ended; empty when the archive could not be counted.
	 */
	CompletableFuture<Optional<Map<Long, Long>>> result() {
		return this.result;
	}

	/** The rows per table OID, waiting for the end of the stream. */
	Optional<Map<Long, Long>> await() throws InterruptedException {
		try {
			return this.result.get();
		}
		catch (ExecutionException ex) {
			return Optional.empty();
		}
	}

	/** Gives up: a stream that will not be read to its end has no counts. */
	void abandon() {
		this.state = State.FAILED;
		this.result.complete(Optional.empty());
	}

	/** A stream that feeds this counter with every byte read from {@code in}. */
	InputStream observe(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b < 0) {
					end();
				}
				else {
					accept(new byte[] { (byte) b }, 0, 1);
				}
				return b;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = super.read(bytes, offset, length);
				if (n < 0) {
					end();
				}
				else {
					accept(bytes, offset, n);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				// skipped bytes would go uncounted
				abandon();
				return super.skip(n);
			}

		};
	}

	/** The next bytes of the archive. */
	void accept(byte[] bytes, int offset, int length) {
		try {
			int position = offset;
			int end = offset + length;
			while (position < end && this.state != State.FAILED && this.state != State.DONE) {
				position = step(bytes, position, end);
			}
		}
		catch (RuntimeException ex) {
			fail();
		}
	}

	/** The end of the stream. */
	void end() {
		if (this.state == State.FAILED || this.state == State.DONE) {
			return;
		}
		// a complete archive ends between blocks, after every table's block
		if (this.state != State.BLOCK_TYPE || !this.rows.keySet().containsAll(this.tableOids.keySet())) {
			fail();
			return;
		}
		this.state = State.DONE;
		Map<Long, Long> byTable = new HashMap<>();
		this.rows.forEach((id, count) -> {
			Long oid = this.tableOids.get(id);
			if (oid != null) {
				byTable.merge(oid, count, Long::sum);
			}
		});
		this.result.complete(Optional.of(Map.copyOf(byTable)));
	}

	private void fail() {
		this.state = State.FAILED;
		this.head = null;
		this.result.complete(Optional.empty());
	}

	/** Consumes some bytes from {@code position}; returns the new position. */
	private int step(byte[] bytes, int position, int end) {
		switch (this.state) {
			case HEAD -> {
				return head(bytes, position, end);
			}
			case BLOCK_TYPE -> {
				this.blockType = bytes[position] & 0xff;
				if (this.blockType != BLK_DATA && this.blockType != BLK_BLOBS) {
					fail();
					return end;
				}
				startInt(State.BLOCK_ID);
				return position + 1;
			}
			case PAYLOAD -> {
				int n = (int) Math.min(this.payloadLeft, end - position);
				if (this.counting) {
					this.newlines += newlines(bytes, position, n);
					this.blockBytes += n;
					for (int i = Math.max(position, position + n - 8); i < position + n; i++) {
						this.tail = (this.tail << 8) | (bytes[i] & 0xff);
					}
				}
				this.payloadLeft -= n;
				if (this.payloadLeft == 0) {
					startInt(State.CHUNK_LENGTH);
				}
				return position + n;
			}
			default -> {
				return readInt(bytes, position, end);
			}
		}
	}

	private void startInt(State target) {
		this.intTarget = target;
		this.state = target;
		this.intRead = 0;
		this.intValue = 0;
		this.intNegative = false;
	}

	/** Reads (part of) an integer for the state it was started for. */
	private int readInt(byte[] bytes, int position, int end) {
		int p = position;
		while (p < end && this.intRead <= this.intSize) {
			int b = bytes[p++] & 0xff;
			if (this.intRead == 0) {
				this.intNegative = b != 0;
			}
			else {
				this.intValue |= ((long) b) << (8 * (this.intRead - 1));
			}
			this.intRead++;
		}
		if (this.intRead > this.intSize) {
			intRead(this.intNegative ? -this.intValue : this.intValue);
		}
		return p;
	}

	private void intRead(long value) {
		switch (this.intTarget) {
			case BLOCK_ID -> {
				this.blockId = (int) value;
				if (!this.entries.contains(this.blockId) || this.rows.containsKey(this.blockId)) {
					fail();
					return;
				}
				this.counting = this.tableOids.containsKey(this.blockId);
				if (this.counting && this.blockType != BLK_DATA) {
					fail();
					return;
				}
				this.newlines = 0;
				this.blockBytes = 0;
				this.tail = 0;
				startInt((this.blockType == BLK_BLOBS) ? State.LO_OID : State.CHUNK_LENGTH);
			}
			case LO_OID -> {
				if (value < 0) {
					fail();
					return;
				}
				if (value == 0) {
					endBlock();
				}
				else {
					startInt(State.CHUNK_LENGTH);
				}
			}
			case CHUNK_LENGTH -> {
				if (value < 0) {
					fail();
				}
				else if (value == 0) {
					if (this.blockType == BLK_BLOBS) {
						startInt(State.LO_OID);
					}
					else {
						endBlock();
					}
				}
				else {
					this.payloadLeft = value;
					this.state = State.PAYLOAD;
				}
			}
			default -> fail();
		}
	}

	private void endBlock() {
		if (this.counting) {
			this.rows.put(this.blockId, rowsOf(this.newlines, this.blockBytes, this.tail));
		}
		else {
			this.rows.put(this.blockId, 0L);
		}
		this.state = State.BLOCK_TYPE;
	}

	/**
	 * The rows of a block of COPY text with this many newlines, bytes, and last bytes:
	 * the newlines, less the end-of-data line {@code \.} and the empty lines after it.
	 */
	static long rowsOf(long newlines, long bytes, long tail) {
		long rows = newlines;
		int empty = 0;
		// the trailing empty lines: pg_dump writes "\.\n\n\n"
		while (empty < 2 && byteAt(tail, empty) == '\n' && byteAt(tail, empty + 1) == '\n' && bytes >= empty + 2) {
			empty++;
		}
		int dot = empty;
		boolean marker = bytes >= dot + 3 && byteAt(tail, dot) == '\n' && byteAt(tail, dot + 1) == '.'
				&& byteAt(tail, dot + 2) == '\\' && (bytes == dot + 3 || byteAt(tail, dot + 3) == '\n');
		if (marker) {
			rows -= 1 + empty;
		}
		return rows;
	}

	/**
	 * The eight bytes at {@code index} with bit 7 set exactly in those that are a newline
	 * (no carries between bytes).
	 */
	private static long newlineMarks(byte[] bytes, int index) {
		long x = ((long) LONGS.get(bytes, index)) ^ NEWLINES;
		return ~(((x & LOW7) + LOW7) | x | LOW7);
	}

	/** The byte {@code back} places from the end (0 is the last). */
	private static int byteAt(long tail, int back) {
		return (int) (tail >>> (8 * back)) & 0xff;
	}

	/**
	 * The newline bytes in a range, 32 at a time: four words' marks share one bit count
	 * (twice as fast as one count a word; this loop sees every byte of the dump).
	 */
	static long newlines(byte[] bytes, int offset, int length) {
		long count = 0;
		int i = offset;
		int end = offset + length;
		for (; i + 32 <= end; i += 32) {
			// each word's marks sit in bit 7 of its bytes; shifted by 0-3 they stay
			// in their byte and never overlap
			count += Long.bitCount(newlineMarks(bytes, i) | (newlineMarks(bytes, i + 8) >>> 1)
					| (newlineMarks(bytes, i + 16) >>> 2) | (newlineMarks(bytes, i + 24) >>> 3));
		}
		for (; i + 8 <= end; i += 8) {
			count += Long.bitCount(newlineMarks(bytes, i));
		}
		for (; i < end; i++) {
			if (bytes[i] == '\n') {
				count++;
			}
		}
		return count;
	}

	/**
	 * Collects header and contents bytes and parses what is complete, entry by entry.
	 */
	private int head(byte[] bytes, int position, int end) {
		int n = end - position;
		if (this.headLength + n > this.head.length) {
			if (this.headLength + n > MAX_ENTRY_BYTES) {
				fail();
				return end;
			}
			this.head = Arrays.copyOf(this.head, Math.max(this.head.length * 2, this.headLength + n));
		}
		System.arraycopy(bytes, position, this.head, this.headLength, n);
		this.headLength += n;
		Cursor cursor = new Cursor(this.head, this.headLength);
		int parsed = 0;
		try {
			if (this.entriesLeft < 0) {
				readHeader(cursor);
				parsed = cursor.position;
			}
			while (this.entriesLeft > 0) {
				readEntry(cursor);
				this.entriesLeft--;
				parsed = cursor.position;
			}
		}
		catch (NeedMore ex) {
			keepFrom(parsed);
			return end;
		}
		catch (Malformed ex) {
			fail();
			return end;
		}
		// the contents are complete: what follows is data
		byte[] rest = Arrays.copyOfRange(this.head, parsed, this.headLength);
		this.head = null;
		this.state = State.BLOCK_TYPE;
		int restPosition = 0;
		while (restPosition < rest.length && this.state != State.FAILED) {
			restPosition = step(rest, restPosition, rest.length);
		}
		return end;
	}

	private void keepFrom(int parsed) {
		if (parsed > 0) {
			System.arraycopy(this.head, parsed, this.head, 0, this.headLength - parsed);
			this.headLength -= parsed;
		}
	}

	private void readHeader(Cursor cursor) throws NeedMore, Malformed {
		for (byte b : MAGIC) {
			if (cursor.readByte() != b) {
				throw new Malformed();
			}
		}
		int major = cursor.readByte();
		this.minor = cursor.readByte();
		cursor.readByte(); // revision
		this.intSize = cursor.readByte();
		this.offSize = cursor.readByte();
		int format = cursor.readByte();
		// custom format (1) only, and the versions whose layout this code knows
		if (major != 1 || this.minor < MIN_MINOR || this.minor > MAX_MINOR || format != 1 || this.intSize < 1
				|| this.intSize > 8 || this.offSize < 1 || this.offSize > 16) {
			throw new Malformed();
		}
		if (this.minor >= 15) {
			cursor.readByte(); // compression algorithm
		}
		else {
			cursor.readInt(this.intSize); // compression level
		}
		for (int i = 0; i < 7; i++) {
			cursor.readInt(this.intSize); // creation time
		}
		cursor.skipString(this.intSize); // database name
		cursor.skipString(this.intSize); // server version
		cursor.skipString(this.intSize); // pg_dump version
		long entries = cursor.readInt(this.intSize);
		if (entries < 0 || entries > Integer.MAX_VALUE) {
			throw new Malformed();
		}
		this.entriesLeft = (int) entries;
	}

	/** One table-of-contents entry (ReadToc and the custom format's ReadExtraToc). */
	private void readEntry(Cursor cursor) throws NeedMore, Malformed {
		long dumpId = cursor.readInt(this.intSize);
		if (dumpId <= 0 || dumpId > Integer.MAX_VALUE || this.entries.contains((int) dumpId)) {
			throw new Malformed();
		}
		cursor.readInt(this.intSize); // has data
		String tableOid = cursor.readString(this.intSize);
		String oid = cursor.readString(this.intSize);
		cursor.skipString(this.intSize); // tag
		String desc = cursor.readString(this.intSize);
		cursor.readInt(this.intSize); // section
		cursor.skipString(this.intSize); // definition
		cursor.skipString(this.intSize); // drop statement
		cursor.skipString(this.intSize); // COPY statement
		cursor.skipString(this.intSize); // namespace
		cursor.skipString(this.intSize); // tablespace
		if (this.minor >= 14) {
			cursor.skipString(this.intSize); // table access method
		}
		if (this.minor >= 16) {
			cursor.readInt(this.intSize); // relkind
		}
		cursor.skipString(this.intSize); // owner
		cursor.skipString(this.intSize); // "false" (with OIDs)
		while (cursor.readLength(this.intSize) >= 0) {
			// dependencies, up to a null string
			cursor.skipLast();
		}
		cursor.readByte(); // data offset: its state
		cursor.skip(this.offSize); // and the offset
		// complete: only now may it change the state (an incomplete entry is read again)
		this.entries.add((int) dumpId);
		if ("TABLE DATA".equals(desc)) {
			// pg_dump gives table data the catalog id (0, the table's OID)
			if (!"0".equals(tableOid) || oid == null) {
				throw new Malformed();
			}
			try {
				long table = Long.parseLong(oid);
				if (this.tableOids.put((int) dumpId, table) != null) {
					throw new Malformed();
				}
			}
			catch (NumberFormatException ex) {
				throw new Malformed();
			}
		}
	}

	/** Not enough bytes yet. */
	private static final class NeedMore extends Exception {

		NeedMore() {
			super(null, null, false, false);
		}

	}

	/** Not an archive this code can count. */
	private static final class Malformed extends Exception {

		Malformed() {
			super(null, null, false, false);
		}

	}

	/** Reads the header's and the contents' integers and strings from collected bytes. */
	private static final class Cursor {

		private final byte[] bytes;

		private final int length;

		private int position;

		private int lastLength;

		Cursor(byte[] bytes, int length) {
			this.bytes = bytes;
			this.length = length;
		}

		int readByte() throws NeedMore {
			if (this.position >= this.length) {
				throw new NeedMore();
			}
			return this.bytes[this.position++] & 0xff;
		}

		long readInt(int intSize) throws NeedMore {
			boolean negative = readByte() != 0;
			long value = 0;
			for (int i = 0; i < intSize; i++) {
				value |= ((long) readByte()) << (8 * i);
			}
			return negative ? -value : value;
		}

		/** A string's length (negative: null); {@link #skipLast} skips its bytes. */
		long readLength(int intSize) throws NeedMore, Malformed {
			long length = readInt(intSize);
			if (length > MAX_ENTRY_BYTES) {
				throw new Malformed();
			}
			this.lastLength = (int) Math.max(length, 0);
			return length;
		}

		void skipLast() throws NeedMore {
			skip(this.lastLength);
		}

		void skip(int n) throws NeedMore {
			if (this.position + n > this.length) {
				throw new NeedMore();
			}
			this.position += n;
		}

		void skipString(int intSize) throws NeedMore, Malformed {
			if (readLength(intSize) > 0) {
				skipLast();
			}
		}

		String readString(int intSize) throws NeedMore, Malformed {
			long length = readLength(intSize);
			if (length < 0) {
				return null;
			}
			skipLast();
			return new String(this.bytes, this.position - this.lastLength, this.lastLength,
					java.nio.charset.StandardCharsets.ISO_8859_1);
		}

	}

}
