package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client tool found on this machine and the first line of its {@code --version}.
 *
 * @param path where it is
 * @param versionLine e.g. {@code pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)}
 */
record ClientBinary(Path path, String versionLine) {

	private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

	/**
	 * The version numbers in the line after the tool's name, e.g. {@code [15, 20]} or
	 * {@code [10, 11, 19]}. For {@code mysqldump  Ver 10.19 Distrib 10.11.19-MariaDB} the
	 * distribution's version counts, not the tool's own.
	 */
	List<Integer> version() {
		return parseVersion(this.versionLine);
	}

	static List<Integer> parseVersion(String text) {
		String relevant = text;
		int distrib = text.indexOf("Distrib ");
		if (distrib >= 0) {
			relevant = text.substring(distrib + "Distrib ".length());
		}
		else {
			int from = text.indexOf(" from ");
			int ver = text.indexOf(" Ver ");
			if (from >= 0) {
				relevant = text.substring(from + " from ".length());
			}
			else if (ver >= 0) {
				relevant = text.substring(ver + " Ver ".length());
			}
			else {
				int paren = text.indexOf(')');
				relevant = (paren >= 0) ? text.substring(paren + 1) : text;
			}
		}
		Matcher matcher = VERSION.matcher(relevant);
		if (!matcher.find()) {
			return List.of();
		}
		List<Integer> numbers = new ArrayList<>();
		for (int group = 1; group <= 3; group++) {
			if (matcher.group(group) != null) {
				numbers.add(Integer.parseInt(matcher.group(group)));
			}
		}
		return List.copyOf(numbers);
	}

	/** The version as text, e.g. {@code 15.20}. */
	String versionText() {
		return String.join(".", version().stream().map(String::valueOf).toList());
	}

	/**
	 * The executables named {@code names} in the folders, in folder order, each real file
	 * once, with their {@code --version}. Files that do not run are skipped.
	 */
	static List<ClientBinary> discover(List<Path> directories, List<String> names) {
		return withVersions(find(directories, names));
	}

	/**
	 * The executables named {@code names} in the folders, in folder order, each real file
	 * once.
	 */
	static List<Path> find(List<Path> directories, List<String> names) {
		Map<Path, Path> found = new LinkedHashMap<>();
		for (Path directory : directories) {
			for (String name : names) {
				Path candidate = directory.resolve(name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					found.putIfAbsent(realPath(candidate), candidate);
				}
			}
		}
		return List.copyOf(found.values());
	}

	/** Runs {@code --version} of each tool; those that do not answer are left out. */
	static List<ClientBinary> withVersions(List<Path> tools) {
		List<ClientBinary> binaries = new ArrayList<>();
		for (Path tool : tools) {
			versionLine(tool).ifPresent((line) -> binaries.add(new ClientBinary(tool, line)));
		}
		return binaries;
	}

	/** The folders on {@code PATH}. */
	static List<Path> pathDirectories() {
		String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
		List<Path> directories = new ArrayList<>();
		for (String entry : path.split(":")) {
			if (!entry.isBlank()) {
				directories.add(Path.of(entry));
			}
		}
		return directories;
	}

	static Path realPath(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	/** Runs {@code tool --version}; empty when it does not run or says nothing. */
	static Optional<String> versionLine(Path tool) {
		try {
			Process process = ToolProcess.builder(List.of(tool.toString(), "--version"), Map.of())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			byte[] out;
			try (InputStream in = process.getInputStream()) {
				out = in.readNBytes(4096);
			}
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.empty();
			}
			String text = new String(out, StandardCharsets.UTF_8).strip();
			if (process.exitValue() != 0 || text.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(text.lines().findFirst().orElse(text).strip());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
