import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How fast AES-256-CBC, SHA-256 and HMAC-SHA256 run in this JVM, by slice size
 * (PERFORMANCE.md: 1 MiB calls miss the JIT's bulk AES-CBC intrinsic). Run by hand:
 * {@code java bench/CipherSlices.java}.
 */
public class CipherSlices {

	public static void main(String[] args) throws Exception {
		byte[] data = new byte[256 * 1024 * 1024];
		new java.util.Random(1).nextBytes(data);
		byte[] out = new byte[data.length + 32];
		for (int round = 0; round < 3; round++) {
			for (int slice : new int[] { 16 * 1024, 64 * 1024, 1024 * 1024 }) {
				Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
				cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new IvParameterSpec(new byte[16]));
				long start = System.nanoTime();
				int written = 0;
				for (int offset = 0; offset < data.length; offset += slice) {
					written += cipher.update(data, offset, Math.min(slice, data.length - offset), out, written);
				}
				cipher.doFinal(out, written);
				report(round, "AES-256-CBC, " + slice / 1024 + " KiB slices", data.length, start);
			}
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long start = System.nanoTime();
			for (int offset = 0; offset < data.length; offset += 65536) {
				sha.update(data, offset, 65536);
			}
			sha.digest();
			report(round, "SHA-256, 64 KiB slices", data.length, start);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
			start = System.nanoTime();
			for (int offset = 0; offset < data.length; offset += 65536) {
				mac.update(data, offset, 65536);
			}
			mac.doFinal();
			report(round, "HMAC-SHA256, 64 KiB slices", data.length, start);
		}
	}

	static void report(int round, String what, long bytes, long start) {
		if (round > 0) {
			System.out.printf("%-32s %6.0f MB/s%n", what, bytes / ((System.nanoTime() - start) / 1e9) / 1e6);
		}
	}

}
