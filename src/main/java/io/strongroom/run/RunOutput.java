package io.strongroom.run;

import java.util.List;

/** Where a launcher puts a runner's output; lines arrive with secrets already masked. */
@FunctionalInterface
interface RunOutput {

	void append(RunnerJob job, int firstLineNo, List<String> maskedLines);

}
