package io.strongroom.run;

/** Where a launcher put a runner: a process id, a dyno id. */
record LaunchHandle(String launcher, String ref) {

}
