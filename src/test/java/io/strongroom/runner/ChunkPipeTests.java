package io.strongroom.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChunkPipeTests {

	@Test
	void handsOverBytesInOrderAndEnds() throws IOException {
		ChunkPipe pipe = new ChunkPipe(2, 4);
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			try (OutputStream sink = pipe.sink()) {
				sink.write("hello world!!".getBytes());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		StringBuilder read = new StringBuilder();
		for (ChunkPipe.Chunk chunk = pipe.take(); !chunk.isEnd(); chunk = pipe.take()) {
			read.append(new String(chunk.bytes(), 0, chunk.length()));
			pipe.release(chunk);
		}
		writer.join();
		assertThat(read).hasToString("hello world!!");
	}

	@Test
	void writerWaitsWhileTheReaderIsBehind() throws Exception {
		ChunkPipe pipe = new ChunkPipe(2, 4);
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			try {
				pipe.sink().write(new byte[100]);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(300);
		assertThat(writer).isNotDone();
		pipe.fail(new IllegalStateException("reader gave up"));
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> writer.get(5, TimeUnit.SECONDS))
			.withRootCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void failureWakesAWaitingReader() throws Exception {
		ChunkPipe pipe = new ChunkPipe(2, 4);
		CompletableFuture<ChunkPipe.Chunk> reader = CompletableFuture.supplyAsync(() -> {
			try {
				return pipe.take();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(200);
		pipe.fail(new IOException("writer died"));
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> reader.get(5, TimeUnit.SECONDS))
			.havingRootCause()
			.withMessage("writer died");
	}

}
