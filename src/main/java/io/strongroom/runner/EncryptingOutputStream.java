package io.strongroom.runner;

import java.io.IOException;
import java.io.OutputStream;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * Writes exactly what {@code openssl enc -aes-256-cbc -salt -pbkdf2 -iter 100000 -md
 * sha256} writes for the bytes written to it. {@link #close()} writes the padded last
 * block and closes the sink.
 */
final class EncryptingOutputStream extends OutputStream {

	private final OutputStream sink;

	private final Cipher cipher;

	private final byte[] out = new byte[OpenSslFormat.SLICE + 32];

	private boolean closed;

	EncryptingOutputStream(OutputStream sink, Secret passphrase) throws IOException {
		this(sink, passphrase, OpenSslFormat.newSalt());
	}

	EncryptingOutputStream(OutputStream sink, Secret passphrase, byte[] salt) throws IOException {
		this(sink, OpenSslFormat.cipher(Cipher.ENCRYPT_MODE, passphrase, salt), salt);
	}

	/** With a cipher already derived for this salt (the derivation takes a while). */
	EncryptingOutputStream(OutputStream sink, Cipher cipher, byte[] salt) throws IOException {
		this.sink = sink;
		this.cipher = cipher;
		sink.write(OpenSslFormat.header(salt));
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.closed) {
			throw new IOException("The encrypting stream is closed");
		}
		try {
			while (length > 0) {
				int slice = Math.min(length, OpenSslFormat.SLICE);
				int produced = this.cipher.update(bytes, offset, slice, this.out, 0);
				this.sink.write(this.out, 0, produced);
				offset += slice;
				length -= slice;
			}
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void flush() throws IOException {
		this.sink.flush();
	}

	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			int produced = this.cipher.doFinal(this.out, 0);
			this.sink.write(this.out, 0, produced);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.sink.close();
	}

}
