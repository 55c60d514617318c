package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An encrypted backup to read twice: once to check its HMAC, then to decrypt. A local
 * file is read where it is; standard input and downloads are first copied to a private
 * temporary file (still encrypted: no plaintext touches the disk), hashing as they come,
 * so the bytes that are checked are exactly the bytes that are then decrypted.
 */
final class BackupInput implements AutoCloseable {

	private final Path file;

	private final boolean temporary;

	private final @Nullable Integrity integrity;

	private BackupInput(Path file, boolean temporary, @Nullable Integrity integrity) {
		this.file = file;
		this.temporary = temporary;
		this.integrity = integrity;
	}

	static BackupInput file(Path file) throws RunnerFailure {
		if (!Files.isReadable(file)) {
			throw new RunnerFailure(FailureKind.USAGE, "Cannot read " + file + ": no such file, or not readable");
		}
		return new BackupInput(file, false, null);
	}

	/** Copies a stream to a private temporary file, hashing it into {@code integrity}. */
	static BackupInput spool(InputStream in, @Nullable Integrity integrity) throws IOException {
		Path file = Files.createTempFile("strongroom-", ".enc",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (OutputStream out = Files.newOutputStream(file)) {
			OutputStream sink = (integrity != null) ? integrity.tee(out) : out;
			in.transferTo(sink);
			sink.flush();
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		if (integrity != null) {
			integrity.finish();
		}
		return new BackupInput(file, true, integrity);
	}

	/** Downloads an http(s) link (a presigned S3 URL) to a private temporary file. */
	static BackupInput download(URI link, @Nullable Integrity integrity) throws RunnerFailure, IOException {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(15))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpResponse<InputStream> response;
		try {
			response = http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RunnerFailure(FailureKind.CANCELLED, "Interrupted while downloading the backup");
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
					"Cannot download the backup from " + withoutQuery(link) + ": " + ex.getMessage());
		}
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			if (status == 403) {
				throw new RunnerFailure(FailureKind.DESTINATION_ACCESS_DENIED, "The storage refused the link to "
						+ withoutQuery(link) + " (HTTP 403): it has expired or was changed. Get a new link.");
			}
			if (status == 404) {
				throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
						"There is no backup at " + withoutQuery(link) + " (HTTP 404)");
			}
			if (status != 200) {
				throw new RunnerFailure(FailureKind.DESTINATION_FAILED,
						"Downloading " + withoutQuery(link) + " failed with HTTP " + status);
			}
			return spool(body, integrity);
		}
	}

	/** A link's query holds its signature: never print it. */
	static String withoutQuery(URI link) {
		return link.getScheme() + "://" + link.getAuthority() + link.getPath();
	}

	/**
	 * The integrity of the bytes, computed while they were copied, or by reading the file
	 * now.
	 */
	Integrity integrity(javax.crypto.Mac mac) throws IOException {
		if (this.integrity != null) {
			return this.integrity;
		}
		try (InputStream in = open()) {
			return Integrity.of(in, mac);
		}
	}

	InputStream open() throws IOException {
		return Files.newInputStream(this.file);
	}

	@Override
	public void close() throws IOException {
		if (this.temporary) {
			Files.deleteIfExists(this.file);
		}
	}

}
