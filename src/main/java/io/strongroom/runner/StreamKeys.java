package io.strongroom.runner;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The encryption cipher and the MAC of one backup, each with its own random salt. Their
 * three PBKDF2 blocks (100,000 iterations each: the cipher's key and IV take two, the MAC
 * key one) are computed by {@link #derive} on one thread while the database connects and
 * the dump starts; the salts are known at once. One thread, not three: on a cold JVM the
 * first block runs mostly before SHA-256 is compiled, and three threads would each pay
 * that (~0.15 s more CPU, measured, beside the dump's start on two cores); the stream
 * holds compressed data until the keys are ready.
 */
record StreamKeys(Cipher cipher, byte[] salt, Mac mac, byte[] macSalt) {

	/** Starts the derivation for new random salts. */
	static CompletableFuture<StreamKeys> derive(Secret passphrase) {
		return derive(passphrase, OpenSslFormat.newSalt(), OpenSslFormat.newSalt());
	}

	static CompletableFuture<StreamKeys> derive(Secret passphrase, byte[] salt, byte[] macSalt) {
		byte[] password = OpenSslFormat.passphraseBytes(passphrase);
		CompletableFuture<StreamKeys> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(derived(password, salt, macSalt));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
			finally {
				Arrays.fill(password, (byte) 0);
			}
		}, "strongroom-keys");
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	private static StreamKeys derived(byte[] password, byte[] salt, byte[] macSalt) {
		byte[] keyBlock = OpenSslFormat.pbkdf2Block(password, salt, OpenSslFormat.ITERATIONS, 1);
		byte[] ivBlock = OpenSslFormat.pbkdf2Block(password, salt, OpenSslFormat.ITERATIONS, 2);
		byte[] macBlock = OpenSslFormat.pbkdf2Block(password, macSalt, OpenSslFormat.ITERATIONS, 1);
		byte[] derived = Arrays.copyOf(keyBlock, 48);
		System.arraycopy(ivBlock, 0, derived, 32, 16);
		try {
			return new StreamKeys(OpenSslFormat.cipher(Cipher.ENCRYPT_MODE, derived), salt, OpenSslFormat.mac(macBlock),
					macSalt);
		}
		finally {
			Arrays.fill(derived, (byte) 0);
			Arrays.fill(keyBlock, (byte) 0);
			Arrays.fill(ivBlock, (byte) 0);
			Arrays.fill(macBlock, (byte) 0);
		}
	}

}
