/**
 * The pipeline of one backup, verification or restore, run as its own process: dump,
 * compress, encrypt, hash, upload, statistics. No Spring web and no JPA here: the runner
 * starts in a plain JVM.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.runner;
