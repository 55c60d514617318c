package io.strongroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * S3Proxy as its own process, for what S3Mock cannot show: it checks AWS signatures, so
 * wrong credentials are refused as on AWS (it rejects the SDK's multipart uploads, so it
 * is no place for whole backups). Buckets live in a temporary folder; one bucket,
 * {@link #BUCKET}, exists from the start.
 */
public final class S3ProxyServer implements AutoCloseable {

	public static final String IDENTITY = "strongroom-identity";

	public static final String CREDENTIAL = "strongroom-credential-secret";

	public static final String BUCKET = "signed-bucket";

	private final Process process;

	private final int port;

	private final Path root;

	private S3ProxyServer(Process process, int port, Path root) {
		this.process = process;
		this.port = port;
		this.root = root;
	}

	public static S3ProxyServer start() {
		Path jar = S3MockServer.jar("s3proxy.jar", "s3proxy-4.1.0-jar-with-dependencies.jar");
		try {
			int port = S3MockServer.freePort();
			Path root = Files.createTempDirectory("strongroom-s3proxy");
			Files.createDirectories(root.resolve("data").resolve(BUCKET));
			Path properties = root.resolve("s3proxy.conf");
			Files.write(properties,
					List.of("s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + IDENTITY, "s3proxy.credential=" + CREDENTIAL,
							"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + root.resolve("data")));
			Path log = Paths.get("target", "s3proxy-" + port + ".log");
			Process process = new ProcessBuilder(S3MockServer.javaBinary(), "-Xmx192m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", properties.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			S3ProxyServer server = new S3ProxyServer(process, port, root);
			server.awaitReady(log);
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start S3Proxy: " + ex.getMessage(), ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		S3MockServer.deleteQuietly(this.root.toFile());
	}

	private void awaitReady(Path log) {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		HttpClient http = HttpClient.newHttpClient();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Proxy exited at start; see " + log.toAbsolutePath());
			}
			try {
				// unsigned: any answer (403) means it listens
				http.send(HttpRequest.newBuilder(endpoint()).build(), HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				S3MockServer.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		throw new IllegalStateException("S3Proxy did not answer within 90 s; see " + log.toAbsolutePath());
	}

}
