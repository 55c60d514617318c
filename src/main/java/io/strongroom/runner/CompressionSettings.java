package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

/**
 * How a dump is compressed: zstd (the default, level 1: on mixed data faster and smaller
 * than level 3, docs/benchmarks.md) or gzip (level 6). zstd runs on its own worker
 * threads ({@code workers} > 0), so it overlaps the rest of the pipeline; its frames
 * carry a checksum of the uncompressed dump that {@code zstd -d} checks.
 *
 * @param algorithm zstd or gzip
 * @param level zstd 1–19, gzip 1–9
 * @param workers zstd worker threads, 0 to compress on the calling thread; ignored for
 * gzip
 */
record CompressionSettings(Algorithm algorithm, int level, int workers) {

	enum Algorithm {

		ZSTD("zst", 1, 19, 1), GZIP("gz", 1, 9, 6);

		private final String extension;

		private final int minLevel;

		private final int maxLevel;

		private final int defaultLevel;

		Algorithm(String extension, int minLevel, int maxLevel, int defaultLevel) {
			this.extension = extension;
			this.minLevel = minLevel;
			this.maxLevel = maxLevel;
			this.defaultLevel = defaultLevel;
		}

		String extension() {
			return this.extension;
		}

		int defaultLevel() {
			return this.defaultLevel;
		}

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Algorithm of(String name) {
			for (Algorithm algorithm : values()) {
				if (algorithm.id().equalsIgnoreCase(name)) {
					return algorithm;
				}
			}
			throw new IllegalArgumentException("Unknown compression '" + name + "': use zstd or gzip");
		}

	}

	/** zstd's workers: two where there are cores to spare, none on one core. */
	static final int DEFAULT_WORKERS = Math.min(2, Runtime.getRuntime().availableProcessors() - 1);

	CompressionSettings {
		if (level < algorithm.minLevel || level > algorithm.maxLevel) {
			throw new IllegalArgumentException("Compression level " + level + " is out of range for " + algorithm.id()
					+ " (" + algorithm.minLevel + "-" + algorithm.maxLevel + ")");
		}
		if (workers < 0 || workers > 64) {
			throw new IllegalArgumentException("Compression workers must be between 0 and 64");
		}
	}

	static CompressionSettings defaults() {
		return new CompressionSettings(Algorithm.ZSTD, Algorithm.ZSTD.defaultLevel(), DEFAULT_WORKERS);
	}

	OutputStream compressing(OutputStream sink) throws IOException {
		return switch (this.algorithm) {
			case ZSTD -> {
				ZstdOutputStream zstd = new ZstdOutputStream(sink);
				zstd.setLevel(this.level);
				zstd.setChecksum(true);
				if (this.workers > 0) {
					zstd.setWorkers(this.workers);
				}
				yield zstd;
			}
			case GZIP -> new GZIPOutputStream(sink, 64 * 1024) {
				{
					this.def.setLevel(CompressionSettings.this.level);
				}
			};
		};
	}

	static InputStream decompressing(InputStream source, Algorithm algorithm) throws IOException {
		return switch (algorithm) {
			case ZSTD -> new ZstdInputStream(source);
			case GZIP -> new GZIPInputStream(source, 64 * 1024);
		};
	}

	/**
	 * Decompresses whatever the stream's magic number says it is (for files without a
	 * manifest).
	 */
	static InputStream decompressingDetected(InputStream source) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(source, 64 * 1024);
		buffered.mark(4);
		byte[] magic = buffered.readNBytes(4);
		buffered.reset();
		if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
				&& (magic[3] & 0xff) == 0xfd) {
			return decompressing(buffered, Algorithm.ZSTD);
		}
		if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
			return decompressing(buffered, Algorithm.GZIP);
		}
		throw new IntegrityException(
				"The decrypted data is neither zstd nor gzip: the key is probably wrong, or this is not a Strongroom backup");
	}

}
