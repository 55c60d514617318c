package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the real {@code openssl} binary with the pass phrase in its environment (never
 * argv).
 */
final class OpenSslProcess {

	static final List<String> ENC = List.of("openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-iter", "100000", "-md",
			"sha256", "-pass", "env:STRONGROOM_TEST_KEY");

	private OpenSslProcess() {
	}

	static byte[] run(String passphrase, byte[] stdin, List<String> command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().put("STRONGROOM_TEST_KEY", passphrase);
			Process process = builder.start();
			CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
				try (var in = process.getOutputStream(); InputStream from = new ByteArrayInputStream(stdin)) {
					from.transferTo(in);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
				try {
					return process.getErrorStream().readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			byte[] out = process.getInputStream().readAllBytes();
			int exit = process.waitFor();
			feed.join();
			if (exit != 0) {
				throw new IllegalStateException(
						command + " exited " + exit + ": " + new String(err.join(), StandardCharsets.UTF_8));
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static byte[] encrypt(String passphrase, byte[] plain, String... extra) {
		List<String> command = new ArrayList<>(ENC);
		command.addAll(List.of(extra));
		return run(passphrase, plain, command);
	}

	static byte[] decrypt(String passphrase, byte[] encrypted) {
		List<String> command = new ArrayList<>(ENC);
		command.add("-d");
		return run(passphrase, encrypted, command);
	}

	static String printedKey(String passphrase, String hexSalt) {
		List<String> command = new ArrayList<>(ENC);
		command.addAll(List.of("-S", hexSalt, "-P"));
		String printed = new String(run(passphrase, new byte[0], command), StandardCharsets.US_ASCII);
		return printed.lines()
			.filter((line) -> line.startsWith("key="))
			.map((line) -> line.substring(4).trim().toLowerCase())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("openssl printed no key: " + printed));
	}

}
