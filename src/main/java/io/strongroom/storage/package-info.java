/**
 * Backup destinations (S3 and S3-compatible servers, a filesystem folder) and presigned
 * download links.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.storage;
