package io.strongroom.runner;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The encryption cipher and the MAC of one backup, each with its own random salt. Their
 * three PBKDF2 blocks (100,000 iterations each: the cipher's key and IV take two, the MAC
 * key one) are independent, so {@link #derive} computes them on three threads while the
 * database connects and the dump starts; the salts are known at once.
 */
record StreamKeys(Cipher cipher, byte[] salt, Mac mac, byte[] macSalt) {

	/** Starts the derivation for new random salts. */
	static CompletableFuture<StreamKeys> derive(Secret passphrase) {
		return derive(passphrase, OpenSslFormat.newSalt(), OpenSslFormat.newSalt());
	}

	static CompletableFuture<StreamKeys> derive(Secret passphrase, byte[] salt, byte[] macSalt) {
		byte[] password = OpenSslFormat.passphraseBytes(passphrase);
		CompletableFuture<byte[]> keyBlock = block(password, salt, 1, "strongroom-key");
		CompletableFuture<byte[]> ivBlock = block(password, salt, 2, "strongroom-iv");
		CompletableFuture<byte[]> macBlock = block(password, macSalt, 1, "strongroom-mac-key");
		return CompletableFuture.allOf(keyBlock, ivBlock, macBlock).thenApply((done) -> {
			byte[] derived = Arrays.copyOf(keyBlock.join(), 48);
			System.arraycopy(ivBlock.join(), 0, derived, 32, 16);
			try {
				return new StreamKeys(OpenSslFormat.cipher(Cipher.ENCRYPT_MODE, derived), salt,
						OpenSslFormat.mac(macBlock.join()), macSalt);
			}
			finally {
				Arrays.fill(derived, (byte) 0);
				Arrays.fill(keyBlock.join(), (byte) 0);
				Arrays.fill(ivBlock.join(), (byte) 0);
				Arrays.fill(macBlock.join(), (byte) 0);
				Arrays.fill(password, (byte) 0);
			}
		});
	}

	private static CompletableFuture<byte[]> block(byte[] password, byte[] salt, int index, String name) {
		CompletableFuture<byte[]> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(OpenSslFormat.pbkdf2Block(password, salt, OpenSslFormat.ITERATIONS, index));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return result;
	}

}
