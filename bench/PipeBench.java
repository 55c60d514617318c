package io.strongroom.runner;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.crypto.Cipher;

import io.strongroom.storage.StoredObject;
import io.strongroom.storage.Upload;

/**
 * The pipeline's own cost, without dump tool and upload: a dump file is compressed,
 * encrypted and hashed into a null upload, twice (the second run is reported). Run by hand:
 * <pre>
 * pg_dump -Fc -Z0 app > /tmp/app.dump
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * javac -d target/bench -cp target/classes:$(cat /tmp/cp.txt) bench/PipeBench.java
 * java -Dalg=ZSTD -Xmx80m -cp target/bench:target/classes:$(cat /tmp/cp.txt) io.strongroom.runner.PipeBench /tmp/app.dump 3 1
 * </pre>
 * Arguments: the dump file, the level, zstd workers; {@code -Dalg=GZIP} for gzip.
 */
public class PipeBench {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int level = Integer.parseInt(args[1]);
		int workers = Integer.parseInt(args[2]);
		CompressionSettings.Algorithm algorithm = CompressionSettings.Algorithm
			.valueOf(System.getProperty("alg", "ZSTD"));
		for (int round = 0; round < 2; round++) {
			Secret key = new Secret("bench-key");
			Progress progress = new Progress();
			Integrity integrity = new Integrity(OpenSslFormat.mac(key, OpenSslFormat.newSalt()));
			BackupPipeline pipeline = new BackupPipeline(new CompressionSettings(algorithm, level, workers),
					OpenSslFormat.cipher(Cipher.ENCRYPT_MODE, key, new byte[8]), new byte[8], integrity, progress);
			long cpu = cpu();
			long start = System.nanoTime();
			BackupPipeline.Outcome outcome;
			try (InputStream in = Files.newInputStream(file)) {
				outcome = pipeline.stream(in, new NullUpload(), () -> {
				}, new Cancellation());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (round > 0) {
				System.out.printf("%s level %d workers %d: %.2f s wall, %.2f s cpu, %.0f MB/s in, %d bytes out%n",
						algorithm, level, workers, seconds, (cpu() - cpu) / 1e9, outcome.bytesIn() / seconds / 1e6,
						outcome.bytesOut());
			}
		}
	}

	static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static final class NullUpload implements Upload {

		private long written;

		@Override
		public OutputStream stream() {
			return new OutputStream() {

				@Override
				public void write(int b) {
					NullUpload.this.written++;
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					NullUpload.this.written += length;
				}

			};
		}

		@Override
		public long bytesWritten() {
			return this.written;
		}

		@Override
		public StoredObject complete(Map<String, String> metadata) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void abort() {
		}

	}

}
