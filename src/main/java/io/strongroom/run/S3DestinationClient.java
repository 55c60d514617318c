package io.strongroom.run;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import io.strongroom.target.DestinationAccess;
import io.strongroom.target.DestinationType;
import io.strongroom.target.Stores;
import io.strongroom.storage.BackupStore;

/**
 * The web process's own S3 calls: presigned GETs for download links, and aborting the
 * multipart uploads a dead runner left behind. A client per call: these calls are rare,
 * and each tenant has its own bucket and credentials. Messages name the bucket and the S3
 * error code, never a credential.
 */
class S3DestinationClient implements DestinationClient {

	@Override
	public int abortUnfinishedUploads(DestinationAccess destination, String keyPrefix, String runId) {
		if (destination.type() != DestinationType.S3) {
			// A folder destination writes to a temporary name and renames when complete;
			// a dead runner's temporary file is its own store's to sweep.
			return 0;
		}
		int aborted = 0;
		try (S3Client client = client(destination)) {
			String keyMarker = null;
			String uploadIdMarker = null;
			while (true) {
				String key = keyMarker;
				String upload = uploadIdMarker;
				ListMultipartUploadsResponse page = client
					.listMultipartUploads((request) -> request.bucket(destination.bucket())
						.prefix(keyPrefix)
						.keyMarker(key)
						.uploadIdMarker(upload));
				for (MultipartUpload pending : page.uploads()) {
					if (pending.key().contains(runId)) {
						client.abortMultipartUpload((request) -> request.bucket(destination.bucket())
							.key(pending.key())
							.uploadId(pending.uploadId()));
						aborted++;
					}
				}
				if (!Boolean.TRUE.equals(page.isTruncated())) {
					return aborted;
				}
				keyMarker = page.nextKeyMarker();
				uploadIdMarker = page.nextUploadIdMarker();
			}
		}
		catch (SdkException ex) {
			throw new IllegalStateException("Listing or aborting unfinished uploads in bucket " + destination.bucket()
					+ " failed: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public URI presignedGet(DestinationAccess destination, String key, Duration ttl) {
		try (BackupStore store = Stores.open(destination)) {
			return store.presignedGet(key, ttl);
		}
	}

	private static S3Client client(DestinationAccess destination) {
		var builder = S3Client.builder()
			.region(Region.of(Objects.requireNonNull(destination.region())))
			.credentialsProvider(credentials(destination))
			.forcePathStyle(destination.pathStyle())
			// S3-compatible servers (DEPENDENCIES.md) store the SDK's chunk framing
			// otherwise.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (destination.endpoint() != null) {
			builder.endpointOverride(URI.create(destination.endpoint()));
		}
		return builder.build();
	}

	private static StaticCredentialsProvider credentials(DestinationAccess destination) {
		if (destination.accessKeyId() == null || destination.secretAccessKey() == null) {
			throw new IllegalStateException("The destination's S3 credentials are not saved");
		}
		return StaticCredentialsProvider.create(
				AwsBasicCredentials.create(destination.accessKeyId().value(), destination.secretAccessKey().value()));
	}

}
