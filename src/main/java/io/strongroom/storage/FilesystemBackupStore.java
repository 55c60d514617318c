package io.strongroom.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A folder on this machine, holding the same bytes an S3 bucket would. An upload writes
 * to a hidden temporary file beside its target ({@code .name.<random>.partial}), forces
 * it to disk and renames it atomically, so a reader sees a complete object or none.
 * Metadata lives in a hidden sidecar file ({@code .name.metadata}); hidden files are not
 * objects.
 */
public final class FilesystemBackupStore implements BackupStore {

	/** An upload's temporary file: {@code .<object name>.<uuid>.partial}. */
	private static final Pattern PARTIAL = Pattern
		.compile("\\.([^.].*)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.partial");

	private final Path root;

	public FilesystemBackupStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void checkAccess() {
		if (!Files.isDirectory(this.root)) {
			throw new StorageException(StorageException.Reason.NO_SUCH_BUCKET,
					"The backup folder " + this.root + " does not exist. Create it, or correct the path.");
		}
		if (!Files.isWritable(this.root)) {
			throw new StorageException(StorageException.Reason.ACCESS_DENIED,
					"The backup folder " + this.root + " is not writable by this user. Fix its permissions.");
		}
	}

	@Override
	public Upload startUpload(String key, Map<String, String> metadata, long expectedBytes) {
		Path target = path(key);
		Keys.checkMetadata(metadata);
		checkAccess();
		try {
			Files.createDirectories(target.getParent());
			Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
			FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			return new FileUpload(key, target, temporary, channel);
		}
		catch (IOException ex) {
			throw translate(ex, "start writing " + target);
		}
	}

	@Override
	public StoredObject put(String key, byte[] content, Map<String, String> metadata) {
		try (Upload upload = startUpload(key, metadata, content.length)) {
			upload.stream().write(content);
			return upload.complete(metadata);
		}
		catch (IOException ex) {
			throw translate(ex, "write " + path(key));
		}
	}

	@Override
	public InputStream get(String key) {
		Path path = path(key);
		try {
			return Files.newInputStream(path);
		}
		catch (NoSuchFileException ex) {
			checkAccess();
			throw new StorageException(StorageException.Reason.NOT_FOUND, "There is no backup file " + path, ex);
		}
		catch (IOException ex) {
			throw translate(ex, "read " + path);
		}
	}

	@Override
	public Optional<StoredObject> head(String key) {
		Path path = path(key);
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return Optional.of(new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant(),
					readMetadata(path)));
		}
		catch (NoSuchFileException ex) {
			checkAccess();
			return Optional.empty();
		}
		catch (IOException ex) {
			throw translate(ex, "read " + path);
		}
	}

	@Override
	public void delete(String key) {
		Path path = path(key);
		checkAccess();
		try {
			Files.deleteIfExists(path);
			Files.deleteIfExists(metadataPath(path));
		}
		catch (IOException ex) {
			throw translate(ex, "delete " + path);
		}
	}

	@Override
	public List<StoredObject> list(String prefix) {
		checkAccess();
		List<StoredObject> objects = new ArrayList<>();
		try (Stream<Path> files = Files.walk(this.root)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String key = key(file);
				if (key != null && key.startsWith(prefix) && Files.isRegularFile(file)) {
					head(key).ifPresent(objects::add);
				}
			}
		}
		catch (IOException ex) {
			throw translate(ex, "list " + this.root);
		}
		objects.sort(Comparator.comparing(StoredObject::key));
		return objects;
	}

	/**
	 * Deletes the hidden temporary files ({@code .name.<random>.partial}) of unfinished
	 * uploads whose key starts with {@code prefix} and contains {@code keyContains}. A
	 * writer still holding one fails when it completes, as it would on S3.
	 */
	@Override
	public int abortUnfinishedUploads(String prefix, String keyContains) {
		checkAccess();
		int aborted = 0;
		try (Stream<Path> files = Files.walk(this.root)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String key = unfinishedUploadKey(file);
				if (key != null && key.startsWith(prefix) && key.contains(keyContains) && Files.deleteIfExists(file)) {
					aborted++;
				}
			}
		}
		catch (IOException ex) {
			throw translate(ex, "remove unfinished uploads under " + this.root);
		}
		return aborted;
	}

	/** The key an unfinished upload's temporary file is for, or null for other files. */
	private @Nullable String unfinishedUploadKey(Path file) {
		String name = file.getFileName().toString();
		Matcher matcher = PARTIAL.matcher(name);
		if (!matcher.matches() || !Files.isRegularFile(file) || file.getParent() == null) {
			return null;
		}
		if (file.getParent().equals(this.root)) {
			return matcher.group(1);
		}
		String folder = key(file.getParent());
		return (folder != null) ? folder + "/" + matcher.group(1) : null;
	}

	@Override
	public URI presignedGet(String key, Duration ttl) {
		return path(key).toUri();
	}

	@Override
	public void close() {
	}

	@Override
	public String toString() {
		return "folder " + this.root;
	}

	private Path path(String key) {
		return this.root.resolve(Keys.checkKey(key));
	}

	/** The key of a file under the root, or null for hidden files and folders. */
	private String key(Path file) {
		Path relative = this.root.relativize(file);
		if (relative.toString().isEmpty()) {
			return null;
		}
		List<String> segments = new ArrayList<>();
		for (Path segment : relative) {
			if (segment.toString().startsWith(".")) {
				return null;
			}
			segments.add(segment.toString());
		}
		return String.join("/", segments);
	}

	private static Path metadataPath(Path path) {
		return path.resolveSibling("." + path.getFileName() + ".metadata");
	}

	private static Map<String, String> readMetadata(Path path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(metadataPath(path), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (NoSuchFileException ex) {
			return Map.of();
		}
		Map<String, String> metadata = new HashMap<>();
		properties.stringPropertyNames().forEach((name) -> metadata.put(name, properties.getProperty(name)));
		return metadata;
	}

	private static void writeMetadata(Path path, Map<String, String> metadata) throws IOException {
		Path target = metadataPath(path);
		Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".partial");
		Properties properties = new Properties();
		properties.putAll(metadata);
		try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			properties.store(writer, null);
		}
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private StorageException translate(IOException ex, String action) {
		if (ex.getCause() instanceof StorageException storage) {
			return storage;
		}
		if (ex instanceof AccessDeniedException) {
			return new StorageException(StorageException.Reason.ACCESS_DENIED,
					"Cannot " + action + ": permission denied. Fix the folder's permissions.", ex);
		}
		if (ex instanceof NoSuchFileException && !Files.isDirectory(this.root)) {
			return new StorageException(StorageException.Reason.NO_SUCH_BUCKET,
					"The backup folder " + this.root + " does not exist. Create it, or correct the path.", ex);
		}
		return new StorageException(StorageException.Reason.OTHER, "Cannot " + action + ": " + ex.getMessage(), ex);
	}

	private final class FileUpload implements Upload {

		private final String key;

		private final Path target;

		private final Path temporary;

		private final FileChannel channel;

		private final OutputStream stream;

		private volatile long written;

		private volatile boolean finished;

		FileUpload(String key, Path target, Path temporary, FileChannel channel) {
			this.key = key;
			this.target = target;
			this.temporary = temporary;
			this.channel = channel;
			OutputStream file = Channels.newOutputStream(channel);
			OutputStream buffered = new BufferedOutputStream(file, 64 * 1024);
			this.stream = new OutputStream() {

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (FileUpload.this.finished) {
						throw new IOException("The upload of '" + key + "' is finished");
					}
					try {
						buffered.write(bytes, offset, length);
					}
					catch (IOException ex) {
						StorageException failure = translate(ex, "write " + temporary);
						throw new IOException(failure.getMessage(), failure);
					}
					FileUpload.this.written += length;
				}

				@Override
				public void flush() throws IOException {
					buffered.flush();
				}

			};
		}

		@Override
		public OutputStream stream() {
			return this.stream;
		}

		@Override
		public long bytesWritten() {
			return this.written;
		}

		@Override
		public synchronized StoredObject complete(Map<String, String> metadata) {
			if (this.finished) {
				throw new IllegalStateException("The upload of '" + this.key + "' is already finished");
			}
			Map<String, String> checked = Keys.checkMetadata(metadata);
			try {
				this.stream.flush();
				this.channel.force(true);
				this.channel.close();
				writeMetadata(this.target, checked);
				Files.move(this.temporary, this.target, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
				this.finished = true;
			}
			catch (IOException ex) {
				StorageException failure = translate(ex, "finish " + this.target);
				abort();
				throw failure;
			}
			return head(this.key).orElseThrow(() -> new StorageException(StorageException.Reason.OTHER,
					"The backup file " + this.target + " vanished after it was written"));
		}

		@Override
		public synchronized void abort() {
			if (this.finished && !Files.exists(this.temporary)) {
				return;
			}
			this.finished = true;
			try {
				this.channel.close();
				Files.deleteIfExists(this.temporary);
			}
			catch (IOException ex) {
				throw translate(ex, "remove " + this.temporary);
			}
		}

	}

}
