package io.strongroom.run;

/**
 * A launcher saw its runner end (in-process notification, not a module event): the
 * watchdog checks the run at once instead of waiting for the stall timeout.
 */
record RunnerExited(BackupRunId run, String detail) {

}
