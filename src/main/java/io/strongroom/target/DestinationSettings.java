package io.strongroom.target;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;

/**
 * The tenant's destination as saved. For S3, absent credentials keep the saved ones (they
 * are write-only); the first S3 destination needs both.
 *
 * @param type {@code s3} or {@code filesystem}
 * @param endpoint an S3-compatible server's URL; {@code null} for AWS
 * @param prefix the folder inside the bucket (or under {@code path}); {@code backups}
 * when absent
 * @param path the folder for a filesystem destination
 */
public record DestinationSettings(String type, @Nullable String bucket, @Nullable String region,
		@Nullable String endpoint, @Nullable Boolean pathStyle, @Nullable String prefix, @Nullable Secret accessKeyId,
		@Nullable Secret secretAccessKey, @Nullable String path) {

}
