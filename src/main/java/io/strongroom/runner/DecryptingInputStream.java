package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * Reads what {@code openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256} would
 * print. A file that does not start with {@code Salted__}, or whose padding is wrong at
 * the end (wrong key, truncated), fails with an {@link IntegrityException}. CBC does not
 * notice changes in the middle: check the HMAC first ({@link Integrity}).
 */
final class DecryptingInputStream extends InputStream {

	private final InputStream source;

	private final Cipher cipher;

	private final byte[] in = new byte[OpenSslFormat.SLICE];

	private byte[] out = new byte[OpenSslFormat.SLICE + 32];

	private int position;

	private int limit;

	private boolean finished;

	DecryptingInputStream(InputStream source, Secret passphrase) throws IOException {
		this.source = source;
		byte[] header = source.readNBytes(OpenSslFormat.HEADER_LENGTH);
		if (header.length < OpenSslFormat.HEADER_LENGTH || !Arrays.equals(header, 0, OpenSslFormat.MAGIC.length,
				OpenSslFormat.MAGIC, 0, OpenSslFormat.MAGIC.length)) {
			throw new IntegrityException(
					"This is not a Strongroom backup: it does not start with openssl's 'Salted__' header");
		}
		this.cipher = OpenSslFormat.cipher(Cipher.DECRYPT_MODE, passphrase,
				Arrays.copyOfRange(header, OpenSslFormat.MAGIC.length, OpenSslFormat.HEADER_LENGTH));
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (this.position == this.limit) {
			if (this.finished) {
				return -1;
			}
			fill();
		}
		int n = Math.min(length, this.limit - this.position);
		System.arraycopy(this.out, this.position, bytes, offset, n);
		this.position += n;
		return n;
	}

	private void fill() throws IOException {
		int n = this.source.read(this.in, 0, this.in.length);
		this.position = 0;
		try {
			if (n < 0) {
				this.finished = true;
				this.limit = this.cipher.doFinal(this.out, 0);
			}
			else {
				this.limit = this.cipher.update(this.in, 0, n, this.out, 0);
			}
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IntegrityException("Cannot decrypt: the encryption key is wrong, or the file is truncated or "
					+ "damaged (" + ex.getMessage() + ")");
		}
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

}
