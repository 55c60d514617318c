package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;

import org.jspecify.annotations.Nullable;

/**
 * SHA-256 and HMAC-SHA256 over every byte of an object, as they pass. The HMAC key comes
 * from {@link OpenSslFormat#mac}; results are lowercase hex, compared in constant time.
 */
final class Integrity {

	private final MessageDigest sha256;

	private final Mac hmac;

	private long bytes;

	private String sha256Hex;

	private String hmacHex;

	Integrity(Mac hmac) {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.hmac = hmac;
	}

	void update(byte[] data, int offset, int length) {
		this.bytes += length;
		while (length > 0) {
			int slice = Math.min(length, OpenSslFormat.SLICE);
			this.sha256.update(data, offset, slice);
			this.hmac.update(data, offset, slice);
			offset += slice;
			length -= slice;
		}
	}

	long bytes() {
		return this.bytes;
	}

	/** Ends the computation; afterwards {@link #sha256()} and {@link #hmac()} answer. */
	Integrity finish() {
		if (this.sha256Hex == null) {
			this.sha256Hex = HexFormat.of().formatHex(this.sha256.digest());
			this.hmacHex = HexFormat.of().formatHex(this.hmac.doFinal());
		}
		return this;
	}

	String sha256() {
		return this.sha256Hex;
	}

	String hmac() {
		return this.hmacHex;
	}

	/** Reads a stream to its end and returns the finished integrity of its bytes. */
	static Integrity of(InputStream in, Mac hmac) throws IOException {
		Integrity integrity = new Integrity(hmac);
		byte[] buffer = new byte[OpenSslFormat.SLICE];
		for (int n; (n = in.read(buffer)) >= 0;) {
			integrity.update(buffer, 0, n);
		}
		return integrity.finish();
	}

	/**
	 * Refuses when the HMAC (and, if given, the SHA-256) differs from what the manifest
	 * recorded.
	 */
	void verify(String expectedHmac, @Nullable String expectedSha256) throws IntegrityException {
		finish();
		if (!MessageDigest.isEqual(this.hmacHex.getBytes(StandardCharsets.US_ASCII),
				expectedHmac.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw new IntegrityException("The backup's HMAC does not match its manifest: the file was changed or "
					+ "truncated, or the encryption key is not the one it was made with. Nothing was restored.");
		}
		if (expectedSha256 != null && !MessageDigest.isEqual(this.sha256Hex.getBytes(StandardCharsets.US_ASCII),
				expectedSha256.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw new IntegrityException("The backup's SHA-256 does not match its manifest.");
		}
	}

	/** An output stream that hashes what passes through it into this integrity. */
	OutputStream tee(OutputStream sink) {
		return new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] data, int offset, int length) throws IOException {
				update(data, offset, length);
				sink.write(data, offset, length);
			}

			@Override
			public void flush() throws IOException {
				sink.flush();
			}

			@Override
			public void close() throws IOException {
				sink.close();
			}

		};
	}

}
