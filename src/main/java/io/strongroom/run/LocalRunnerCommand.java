package io.strongroom.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.jspecify.annotations.Nullable;

/**
 * How the local launcher starts the runner: the same code as this web process, so a
 * runner is never older or newer than the web side that wrote its spec. In order: the
 * configured jar; the Spring Boot jar this process runs from ({@code java -jar
 * target/strongroom.jar}); otherwise (IDE, {@code spring-boot:run}, tests) this process's
 * class path with the application's main class.
 */
final class LocalRunnerCommand {

	static final String MAIN_CLASS = "io.strongroom.StrongroomApplication";

	/** The local runner's JVM options (docs/runner-spec.md, "JVM options and launch"). */
	static final List<String> JVM_OPTIONS = jvmOptions(RunnerHeap.LOCAL);

	/**
	 * The runner's JVM options with a heap bound ({@link RunnerHeap}; pom.xml's
	 * {@code runner.jvm.options} are the Heroku launcher's on its default dyno size): an
	 * 80 MiB heap touched at start, all a database up to ~75 GB needs, so the runner's
	 * memory is the same whatever their size (larger ones grow the heap up to the bound);
	 * the serial collector and a later JIT, which cost a short-lived streaming process
	 * least CPU.
	 */
	static List<String> jvmOptions(String heapBound) {
		return List.of("-Xms80m", heapBound, "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
				"-XX:CompileThresholdScaling=10");
	}

	/** glibc's malloc arenas: two instead of one per thread keep native memory small. */
	static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

	private LocalRunnerCommand() {
	}

	static List<String> resolve(@Nullable Path configuredJava, @Nullable Path configuredJar) {
		String java = (configuredJava != null) ? configuredJava.toString() : currentJava();
		if (configuredJar != null) {
			if (!Files.isRegularFile(configuredJar)) {
				throw new IllegalStateException("strongroom.run.local.jar names " + configuredJar
						+ ", which does not exist; build it with ./mvnw -B -DskipTests package");
			}
			return command(java, "-jar", configuredJar.toString());
		}
		String classPath = System.getProperty("java.class.path", "");
		if (isBootJar(classPath)) {
			return command(java, "-jar", classPath);
		}
		return command(java, "-cp", classPath, MAIN_CLASS);
	}

	private static List<String> command(String java, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(JVM_OPTIONS);
		command.addAll(List.of(arguments));
		return List.copyOf(command);
	}

	private static String currentJava() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * A single jar on the class path with Spring Boot's {@code Start-Class}:
	 * {@code java -jar}.
	 */
	private static boolean isBootJar(String classPath) {
		if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
