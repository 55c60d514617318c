package io.strongroom.runner;

import java.io.InputStream;

/** Feeding a restore tool and judging its exit, shared by both engines. */
final class ToolRestores {

	private ToolRestores() {
	}

	static void run(String tool, ToolProcess process, InputStream dump, DatabaseUrl target) throws RunnerFailure {
		try {
			ToolInput.Outcome outcome;
			try {
				outcome = ToolInput.copy(dump, process.stdin());
			}
			catch (ToolInput.SourceFailure ex) {
				process.kill();
				throw new RunnerFailure(
						FailureKind.RESTORE_FAILED, "Reading the dump failed, so the restore was stopped: "
								+ target.mask(ex.getMessage()) + ". The target database may now be partly restored.",
						ex);
			}
			int exit = process.waitFor();
			if (exit != 0) {
				throw DumpFailures.fromTool(tool, exit, process.stderr(), target, FailureKind.RESTORE_FAILED);
			}
			if (outcome == ToolInput.Outcome.TOOL_STOPPED_READING) {
				throw DumpFailures.failure(FailureKind.RESTORE_FAILED, target, tool + " stopped reading its input",
						process.stderr().strip());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.kill();
			throw new RunnerFailure(FailureKind.CANCELLED, tool + " was stopped because the runner was interrupted.");
		}
		finally {
			process.destroy();
		}
	}

}
