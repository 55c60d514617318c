package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * {@code decrypt [--in F] [--out F] [--manifest F]}: with a manifest, checks the HMAC of
 * every byte first and refuses a changed or truncated file before decrypting anything;
 * then decrypts and decompresses. Without one it decrypts and warns that nothing was
 * checked. An output file appears only complete (written under a temporary name, then
 * renamed).
 */
final class DecryptCommand {

	static final String KEY_ENV = "STRONGROOM_ENCRYPTION_KEY";

	private final Console console;

	private final Failures failures;

	DecryptCommand(Console console, Failures failures) {
		this.console = console;
		this.failures = failures;
	}

	void run(@Nullable Path in, @Nullable Path out, @Nullable Path manifestFile) throws RunnerFailure, IOException {
		Secret key = new Secret(this.console.requireEnv(KEY_ENV, "the backup encryption key"));
		this.failures.secret(key.value());
		Manifest manifest = (manifestFile != null) ? readManifest(manifestFile) : null;
		BackupInput input;
		if (in != null) {
			input = BackupInput.file(in);
		}
		else if (manifest != null) {
			input = BackupInput.spool(this.console.in(), new Integrity(OpenSslFormat.mac(key, manifest.macSalt())));
		}
		else {
			input = null;
		}
		try {
			if (manifest != null) {
				input.integrity(OpenSslFormat.mac(key, manifest.macSalt())).verify(manifest.hmac(), manifest.sha256());
				this.console.info("HMAC-SHA256 and SHA-256 match the manifest");
			}
			else {
				this.console.warn("no --manifest given: the backup's integrity (HMAC) was NOT checked. "
						+ "AES-CBC does not detect changes; give the manifest to check it.");
			}
			try (InputStream encrypted = (input != null) ? input.open() : this.console.in()) {
				write(plain(encrypted, key, manifest), out);
			}
		}
		finally {
			if (input != null) {
				input.close();
			}
		}
	}

	static InputStream plain(InputStream encrypted, Secret key, @Nullable Manifest manifest) throws IOException {
		DecryptingInputStream decrypted = new DecryptingInputStream(encrypted, key);
		return (manifest != null) ? CompressionSettings.decompressing(decrypted, manifest.compression().algorithm())
				: CompressionSettings.decompressingDetected(decrypted);
	}

	private void write(InputStream plain, @Nullable Path out) throws IOException {
		if (out == null) {
			plain.transferTo(this.console.out());
			this.console.out().flush();
			return;
		}
		Path target = out.toAbsolutePath();
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
		try {
			try (OutputStream file = Files.newOutputStream(temporary)) {
				plain.transferTo(file);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		this.console.info("wrote " + target);
	}

	static Manifest readManifest(Path file) throws RunnerFailure {
		try {
			return Manifest.parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.USAGE, "Cannot read the manifest " + file + ": " + ex.getMessage());
		}
	}

}
