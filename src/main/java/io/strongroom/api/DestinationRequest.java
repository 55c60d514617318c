package io.strongroom.api;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;
import io.strongroom.target.DestinationSettings;

/**
 * {@code PUT /api/v1/destination}: {@code {"type": "s3", "bucket", "region", "endpoint",
 * "pathStyle", "prefix", "accessKeyId", "secretAccessKey"}} or {@code {"type":
 * "filesystem", "path", "prefix"}}. The credentials are write-only; leave both out to
 * keep the saved ones.
 */
record DestinationRequest(@Nullable String type, @Nullable String bucket, @Nullable String region,
		@Nullable String endpoint, @Nullable Boolean pathStyle, @Nullable String prefix, @Nullable String accessKeyId,
		@Nullable String secretAccessKey, @Nullable String path) {

	DestinationSettings toSettings() {
		return new DestinationSettings((this.type != null) ? this.type : "", this.bucket, this.region, this.endpoint,
				this.pathStyle, this.prefix, (this.accessKeyId != null) ? new Secret(this.accessKeyId) : null,
				(this.secretAccessKey != null) ? new Secret(this.secretAccessKey) : null, this.path);
	}

	@Override
	public String toString() {
		return "DestinationRequest[type=" + this.type + ", bucket=" + this.bucket + ", credentials=**redacted**]";
	}

}
