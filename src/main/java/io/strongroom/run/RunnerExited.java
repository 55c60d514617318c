package io.strongroom.run;

/**
 * A launcher saw its runner end (in-process notification, not a module event): the
 * watchdog checks the job at once instead of waiting for the stall timeout.
 */
record RunnerExited(RunnerJob job, String detail) {

}
