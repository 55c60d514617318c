package io.strongroom.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads master keys from settings and, in the embedded default only, generates one under
 * {@code ./data}. A key is 32 random bytes written as base64 ({@code openssl rand -base64
 * 32}) or 64 hex characters.
 */
public final class MasterKeys {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private MasterKeys() {
	}

	/**
	 * Whether {@code value} is a usable master key (32 bytes as base64, base64url or
	 * hex). Used by the start-up check, which must name a bad setting without printing
	 * it.
	 */
	public static boolean isWellFormed(@Nullable String value) {
		return value != null && decodeOrNull(value) != null;
	}

	static MasterKey parse(String value, String settingName) {
		byte[] key = decodeOrNull(value);
		if (key == null) {
			throw new SecretBoxException(settingName
					+ " is not a master key: it must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)");
		}
		return new MasterKey(key);
	}

	private static byte @Nullable [] decodeOrNull(String value) {
		String trimmed = value.trim();
		if (trimmed.length() == 64 && trimmed.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			return HexFormat.of().parseHex(trimmed);
		}
		try {
			byte[] key = trimmed.contains("-") || trimmed.contains("_") ? Base64.getUrlDecoder().decode(trimmed)
					: Base64.getDecoder().decode(trimmed);
			return (key.length == MasterKey.LENGTH) ? key : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The embedded default's key: read from {@code file}, or generated there (owner-only
	 * permissions) on first start. A second process that loses the race to create it
	 * reads the winner's key.
	 */
	static MasterKey fromFile(Path file, SecureRandom random) {
		try {
			if (Files.exists(file)) {
				return parse(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
			}
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			byte[] key = new byte[MasterKey.LENGTH];
			random.nextBytes(key);
			Path temporary = directory.resolve(file.getFileName() + ".tmp-" + Long.toHexString(random.nextLong()));
			createOwnerOnly(temporary);
			try {
				Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException ex) {
				return parse(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			return new MasterKey(key);
		}
		catch (IOException ex) {
			throw new SecretBoxException("Cannot read or create the master key file " + file + ": " + ex.getMessage(),
					ex);
		}
	}

	private static void createOwnerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		else {
			Files.createFile(file);
		}
	}

}
