package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a dump into a tool's stdin, telling a failing source from a tool that stopped
 * reading.
 */
final class ToolInput {

	/** What happened while feeding the tool. */
	enum Outcome {

		/** Everything was written and stdin closed. */
		COMPLETE,
		/** The tool closed its stdin early (it exited, usually on an error). */
		TOOL_STOPPED_READING

	}

	private ToolInput() {
	}

	/**
	 * @throws SourceFailure when reading {@code source} fails (the tool is not at fault)
	 */
	static Outcome copy(InputStream source, OutputStream stdin) throws SourceFailure {
		byte[] buffer = new byte[64 * 1024];
		try (stdin) {
			while (true) {
				int n;
				try {
					n = source.read(buffer);
				}
				catch (IOException ex) {
					throw new SourceFailure(ex);
				}
				if (n < 0) {
					break;
				}
				stdin.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			return Outcome.TOOL_STOPPED_READING;
		}
		return Outcome.COMPLETE;
	}

	/** Reading the dump to restore failed. */
	static final class SourceFailure extends Exception {

		SourceFailure(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
