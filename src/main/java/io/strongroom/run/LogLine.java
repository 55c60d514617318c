package io.strongroom.run;

import java.time.Instant;

/**
 * One line of a runner's output as its tenant may read it, every secret of the job
 * already masked.
 *
 * @param number the line's place in the output, from 1
 * @param time when Strongroom read the line from the runner
 * @param text the line, cut at 4000 characters
 */
public record LogLine(int number, Instant time, String text) {

}
