package io.strongroom.target;

/**
 * Where backups go: an S3 (or S3-compatible) bucket, or a folder where the operator
 * allows it.
 */
public enum DestinationType {

	S3, FILESYSTEM

}
