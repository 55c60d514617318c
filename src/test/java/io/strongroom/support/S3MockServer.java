package io.strongroom.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adobe S3Mock as its own process (in-process it would pick up the app's Spring
 * properties). {@link #shared()} starts one per JVM on a free port and stops it at exit;
 * {@link #startPrivate()} gives a test its own server to stop midway. The jar is copied
 * into {@code target/} by the build (maven-dependency-plugin, {@code copy-s3-servers}).
 * S3Mock accepts any credentials and checks no signatures; see {@link S3ProxyServer} for
 * that.
 */
public final class S3MockServer implements AutoCloseable {

	public static final String REGION = "us-east-1";

	public static final String ACCESS_KEY_ID = "strongroom-test";

	public static final String SECRET_ACCESS_KEY = "strongroom-test-secret";

	private static S3MockServer shared;

	private final Process process;

	private final int port;

	private final Path root;

	private S3MockServer(Process process, int port, Path root) {
		this.process = process;
		this.port = port;
		this.root = root;
	}

	/** The JVM's S3Mock, started on first use and stopped when the JVM exits. */
	public static synchronized S3MockServer shared() {
		if (shared == null) {
			S3MockServer server = startPrivate();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close));
			shared = server;
		}
		return shared;
	}

	/** A server of the caller's own; close it when done. */
	public static S3MockServer startPrivate() {
		Path jar = jar("s3mock.jar", "s3mock-4.12.4-exec.jar");
		try {
			int port = freePort();
			Path root = Files.createTempDirectory("strongroom-s3mock");
			Path log = Paths.get("target", "s3mock-" + port + ".log");
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--com.adobe.testing.s3mock.httpPort=" + port,
					"--server.port=0", "--com.adobe.testing.s3mock.store.root=" + root.resolve("data"),
					"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			S3MockServer server = new S3MockServer(process, port, root);
			server.awaitReady(log);
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start S3Mock: " + ex.getMessage(), ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public int port() {
		return this.port;
	}

	/** Creates a bucket with a unique name and returns the name. */
	public String createBucket() {
		String bucket = "test-" + UUID.randomUUID().toString().substring(0, 13);
		createBucket(bucket);
		return bucket;
	}

	public void createBucket(String bucket) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint().resolve("/" + bucket))
			.PUT(HttpRequest.BodyPublishers.noBody())
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"S3Mock did not create bucket " + bucket + ": " + response.statusCode() + " " + response.body());
		}
	}

	public boolean isRunning() {
		return this.process.isAlive();
	}

	/** Stops the server (as if it crashed: no goodbye to clients). */
	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		deleteQuietly(this.root.toFile());
	}

	private void awaitReady(Path log) {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Mock exited at start; see " + log.toAbsolutePath());
			}
			try {
				HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint()).GET().build());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			sleep(250);
		}
		close();
		throw new IllegalStateException("S3Mock did not answer within 90 s; see " + log.toAbsolutePath());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Path jar(String property, String fileName) {
		String configured = System.getProperty(property);
		Path jar = (configured != null) ? Paths.get(configured) : Paths.get("target", fileName);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath()
					+ " is missing: run './mvnw process-test-resources' (it copies the S3 servers into target/)");
		}
		return jar;
	}

	static String javaBinary() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void deleteQuietly(File file) {
		File[] children = file.listFiles();
		if (children != null) {
			for (File child : children) {
				deleteQuietly(child);
			}
		}
		if (!file.delete() && file.exists()) {
			System.err.println("Could not delete " + file);
		}
	}

}
