package io.strongroom.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the client binaries installed on this machine. */
public final class LocalTools {

	private static final Pattern VERSION = Pattern.compile("(\\d+)(\\.\\d+)*");

	private LocalTools() {
	}

	/**
	 * Major version of the {@code pg_dump} on the PATH: containers take their tag from
	 * it.
	 */
	public static int pgDumpMajor() {
		String out = run("pg_dump", "--version");
		Matcher matcher = VERSION.matcher(out);
		if (!matcher.find()) {
			throw new IllegalStateException("Cannot read the version of pg_dump from: " + out);
		}
		return Integer.parseInt(matcher.group(1));
	}

	public static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return out;
		}
		catch (IOException ex) {
			throw new IllegalStateException(command[0] + " is not installed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
