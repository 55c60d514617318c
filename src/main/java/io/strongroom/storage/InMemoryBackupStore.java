package io.strongroom.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A store in memory, the twin of the real ones for tests (restic's {@code mem} backend).
 * It keeps the same contract, including that unfinished uploads are invisible and leave
 * nothing once aborted ({@link #pendingUploads()}).
 */
public final class InMemoryBackupStore implements BackupStore {

	private record Entry(byte[] bytes, Map<String, String> metadata, Instant modified) {
	}

	private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>();

	private final Set<MemoryUpload> pending = ConcurrentHashMap.newKeySet();

	private final Clock clock;

	public InMemoryBackupStore() {
		this(Clock.systemUTC());
	}

	public InMemoryBackupStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void checkAccess() {
	}

	@Override
	public Upload startUpload(String key, Map<String, String> metadata, long expectedBytes) {
		Keys.checkKey(key);
		Keys.checkMetadata(metadata);
		MemoryUpload upload = new MemoryUpload(key);
		this.pending.add(upload);
		return upload;
	}

	@Override
	public StoredObject put(String key, byte[] content, Map<String, String> metadata) {
		Keys.checkKey(key);
		this.objects.put(key, new Entry(content.clone(), Keys.checkMetadata(metadata), this.clock.instant()));
		return head(key).orElseThrow();
	}

	@Override
	public InputStream get(String key) {
		Entry entry = this.objects.get(Keys.checkKey(key));
		if (entry == null) {
			throw new StorageException(StorageException.Reason.NOT_FOUND, "There is no object '" + key + "' in memory");
		}
		return new ByteArrayInputStream(entry.bytes());
	}

	@Override
	public Optional<StoredObject> head(String key) {
		return Optional.ofNullable(this.objects.get(Keys.checkKey(key)))
			.map((entry) -> new StoredObject(key, entry.bytes().length, entry.modified(), entry.metadata()));
	}

	@Override
	public void delete(String key) {
		this.objects.remove(Keys.checkKey(key));
	}

	@Override
	public List<StoredObject> list(String prefix) {
		List<StoredObject> found = new ArrayList<>();
		this.objects.tailMap(prefix).forEach((key, entry) -> {
			if (key.startsWith(prefix)) {
				found.add(new StoredObject(key, entry.bytes().length, entry.modified(), entry.metadata()));
			}
		});
		return found;
	}

	@Override
	public URI presignedGet(String key, Duration ttl) {
		Keys.checkKey(key);
		long expires = this.clock.instant().plus(ttl).toEpochMilli();
		return URI.create("memory:" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "?expires=" + expires);
	}

	/**
	 * Opens a link made by {@link #presignedGet}, as a server would: refused once it
	 * expired.
	 */
	public InputStream open(URI link) {
		String[] parts = link.getSchemeSpecificPart().split("\\?expires=", 2);
		if (!"memory".equals(link.getScheme()) || parts.length != 2) {
			throw new StorageException(StorageException.Reason.ACCESS_DENIED, "Not a link of this store");
		}
		if (this.clock.millis() > Long.parseLong(parts[1])) {
			throw new StorageException(StorageException.Reason.ACCESS_DENIED, "The link has expired");
		}
		return get(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
	}

	@Override
	public int abortUnfinishedUploads(String prefix, String keyContains) {
		int aborted = 0;
		for (MemoryUpload upload : List.copyOf(this.pending)) {
			if (upload.key.startsWith(prefix) && upload.key.contains(keyContains)) {
				upload.abort();
				aborted++;
			}
		}
		return aborted;
	}

	/** Uploads started and neither completed nor aborted. */
	public int pendingUploads() {
		return this.pending.size();
	}

	@Override
	public void close() {
	}

	private final class MemoryUpload implements Upload {

		private final String key;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private final OutputStream stream;

		private volatile boolean finished;

		MemoryUpload(String key) {
			this.key = key;
			this.stream = new OutputStream() {

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (MemoryUpload.this.finished) {
						throw new IOException("The upload of '" + key + "' is finished");
					}
					synchronized (MemoryUpload.this.buffer) {
						MemoryUpload.this.buffer.write(bytes, offset, length);
					}
				}

			};
		}

		@Override
		public OutputStream stream() {
			return this.stream;
		}

		@Override
		public long bytesWritten() {
			synchronized (this.buffer) {
				return this.buffer.size();
			}
		}

		@Override
		public synchronized StoredObject complete(Map<String, String> metadata) {
			if (this.finished) {
				throw new IllegalStateException("The upload of '" + this.key + "' is already finished");
			}
			byte[] bytes;
			synchronized (this.buffer) {
				bytes = this.buffer.toByteArray();
			}
			Map<String, String> checked = Keys.checkMetadata(metadata);
			this.finished = true;
			InMemoryBackupStore.this.pending.remove(this);
			InMemoryBackupStore.this.objects.put(this.key,
					new Entry(bytes, checked, InMemoryBackupStore.this.clock.instant()));
			return head(this.key).orElseThrow();
		}

		@Override
		public synchronized void abort() {
			this.finished = true;
			InMemoryBackupStore.this.pending.remove(this);
			synchronized (this.buffer) {
				this.buffer.reset();
			}
		}

	}

}
