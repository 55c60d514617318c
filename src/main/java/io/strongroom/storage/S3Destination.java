package io.strongroom.storage;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where and how to reach an S3 bucket.
 *
 * @param bucket the bucket name
 * @param region the bucket's region ({@code us-east-1} for most S3-compatible servers)
 * @param endpoint an S3-compatible server ({@code http://127.0.0.1:9090}), or
 * {@code null} for AWS
 * @param pathStyle {@code true} for {@code endpoint/bucket/key} URLs (most S3-compatible
 * servers), {@code false} for virtual-hosted {@code bucket.endpoint/key}
 * @param accessKeyId the access key id, or {@code null} to use the AWS default
 * credentials chain (environment, instance profile)
 * @param secretAccessKey the secret access key, or {@code null} with {@code accessKeyId}
 */
public record S3Destination(String bucket, String region, @Nullable URI endpoint, boolean pathStyle,
		@Nullable String accessKeyId, @Nullable String secretAccessKey) {

	public S3Destination {
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(region, "region");
		if (bucket.isBlank()) {
			throw new IllegalArgumentException("The bucket name is empty");
		}
		if (region.isBlank()) {
			throw new IllegalArgumentException("The region is empty");
		}
		if ((accessKeyId == null) != (secretAccessKey == null)) {
			throw new IllegalArgumentException("Give both the access key id and the secret access key, or neither");
		}
	}

	@Override
	public String toString() {
		return "S3Destination[bucket=" + this.bucket + ", region=" + this.region + ", endpoint=" + this.endpoint
				+ ", pathStyle=" + this.pathStyle + ", accessKeyId=" + this.accessKeyId + ", secretAccessKey="
				+ ((this.secretAccessKey != null) ? "**redacted**" : null) + "]";
	}

}
