package io.strongroom.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The runner bundle dynos download: {@code strongroom-runner.tar.gz}, a jlink'd Java
 * runtime and this very jar, built by {@code ./mvnw package}. Its SHA-256 goes into each
 * dyno's command, so a dyno runs exactly the bundle this web process serves, or nothing.
 * The hash is recomputed when the file changes.
 */
class RunnerBundle {

	static final String FILE_NAME = "strongroom-runner.tar.gz";

	/**
	 * In the bundle's folder {@code strongroom-runner}: the extracted application jar.
	 */
	static final String JAR = "app/strongroom.jar";

	/** In the bundle's folder: the class-data archive of a training run (pom.xml). */
	static final String CLASS_ARCHIVE = "app/runner.jsa";

	private final Path path;

	private volatile @Nullable Current current;

	RunnerBundle(Path path) {
		this.path = path;
	}

	record Current(Path path, long size, long modified, String sha256) {

	}

	/** The bundle and its hash, or empty when it has not been built. */
	Optional<Current> current() {
		try {
			if (!Files.isRegularFile(this.path)) {
				return Optional.empty();
			}
			long size = Files.size(this.path);
			long modified = Files.getLastModifiedTime(this.path).toMillis();
			Current known = this.current;
			if (known != null && known.size() == size && known.modified() == modified) {
				return Optional.of(known);
			}
			Current fresh = new Current(this.path, size, modified, sha256(this.path));
			this.current = fresh;
			return Optional.of(fresh);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	Path path() {
		return this.path;
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			DigestInputStream digest = (DigestInputStream) in;
			byte[] buffer = new byte[1 << 16];
			while (digest.read(buffer) >= 0) {
				// reading is hashing
			}
			return HexFormat.of().formatHex(digest.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
