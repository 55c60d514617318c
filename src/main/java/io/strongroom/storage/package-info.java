/**
 * Backup destinations behind one port, {@link io.strongroom.storage.BackupStore}: S3 and
 * S3-compatible servers, a filesystem folder, and an in-memory twin for tests. Every
 * implementation passes the same contract suite. No Spring web and no JPA here: the
 * runner uses this module from a plain JVM, and it knows nothing of the runner (failures
 * carry a {@link io.strongroom.storage.StorageException.Reason}, callers map it).
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.storage;
