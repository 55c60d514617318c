package io.strongroom.target;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The destination as anybody may read it: the access key id masked and the secret only as
 * a fingerprint.
 */
public record DestinationView(DestinationType type, @Nullable String bucket, @Nullable String region,
		@Nullable String endpoint, boolean pathStyle, String prefix, @Nullable String accessKeyId,
		@Nullable String secretAccessKeyFingerprint, @Nullable String path, Instant updatedAt) {

}
