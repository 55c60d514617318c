package io.strongroom.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A temporary folder only this user can open (0700), for credential files (0600) a dump
 * or restore tool reads. Created with those permissions from the start, so there is no
 * moment in which another user could read a file; deleted with its content on close.
 */
final class PrivateFiles implements AutoCloseable {

	private final Path directory;

	private PrivateFiles(Path directory) {
		this.directory = directory;
	}

	static PrivateFiles create() throws IOException {
		return new PrivateFiles(Files.createTempDirectory("strongroom-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
	}

	Path directory() {
		return this.directory;
	}

	/** Writes a new 0600 file; it must not exist yet. */
	Path write(String name, String content) throws IOException {
		Path file = Files.createFile(this.directory.resolve(name),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	/** Deletes the folder and everything in it. Idempotent. */
	@Override
	public void close() {
		if (!Files.exists(this.directory)) {
			return;
		}
		try {
			Files.walkFileTree(this.directory, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the credential folder " + this.directory, ex);
		}
	}

}
