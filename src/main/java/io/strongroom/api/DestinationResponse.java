package io.strongroom.api;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.target.DestinationView;

/**
 * The destination as the API shows it: the access key id masked, the secret only as a
 * fingerprint (first 16 hex digits of its SHA-256).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DestinationResponse(String type, @Nullable String bucket, @Nullable String region, @Nullable String endpoint,
		@Nullable Boolean pathStyle, String prefix, @Nullable String accessKeyId,
		@Nullable String secretAccessKeyFingerprint, @Nullable String path, Instant updatedAt) {

	static DestinationResponse of(DestinationView view) {
		boolean s3 = view.type() == io.strongroom.target.DestinationType.S3;
		return new DestinationResponse(view.type().name().toLowerCase(Locale.ROOT), view.bucket(), view.region(),
				view.endpoint(), s3 ? view.pathStyle() : null, view.prefix(), view.accessKeyId(),
				view.secretAccessKeyFingerprint(), view.path(), view.updatedAt());
	}

}
