package io.strongroom.target;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;

/**
 * What the web process needs to reach a tenant's destination itself (download links,
 * pruning, aborting a dead runner's upload, "test destination"). The credentials are
 * {@link Secret}s, so printing this record prints no secret.
 */
public record DestinationAccess(DestinationType type, @Nullable String bucket, @Nullable String region,
		@Nullable String endpoint, boolean pathStyle, String prefix, @Nullable String path,
		@Nullable Secret accessKeyId, @Nullable Secret secretAccessKey) {

}
