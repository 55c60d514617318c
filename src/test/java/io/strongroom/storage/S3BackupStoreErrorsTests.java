package io.strongroom.storage;

import java.net.URI;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3's answers as a person needs them, including those S3Mock never gives (wrong region,
 * AWS's own access errors).
 */
class S3BackupStoreErrorsTests {

	final S3BackupStore store = new S3BackupStore(
			new S3Destination("acme-backups", "eu-west-1", null, false, "AKIAEXAMPLE", "secret-value"));

	@AfterEach
	void close() {
		this.store.close();
	}

	static S3Exception s3(int status, String code, String message) {
		return (S3Exception) S3Exception.builder()
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.build();
	}

	@Test
	void wrongRegionSaysWhichRegionS3Expects() {
		StorageException ex = this.store.translate(new CompletionException(s3(400, "AuthorizationHeaderMalformed",
				"The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-2'")),
				"upload 'k'");
		assertThat(ex.reason()).isEqualTo(StorageException.Reason.WRONG_REGION);
		assertThat(ex.getMessage()).contains("expecting 'us-east-2'").contains("acme-backups");
		assertThat(this.store.translate(s3(301, "PermanentRedirect", "use the other endpoint"), "x").reason())
			.isEqualTo(StorageException.Reason.WRONG_REGION);
	}

	@Test
	void accessErrorsAreAccessDenied() {
		for (String code : new String[] { "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
				"ExpiredToken" }) {
			StorageException ex = this.store.translate(s3(403, code, "nope"), "upload 'k'");
			assertThat(ex.reason()).isEqualTo(StorageException.Reason.ACCESS_DENIED);
			assertThat(ex.getMessage()).contains("Check the access key id").doesNotContain("secret-value");
		}
	}

	@Test
	void missingBucketAndKeyAreTold() {
		assertThat(this.store.translate(s3(404, "NoSuchBucket", "x"), "upload").reason())
			.isEqualTo(StorageException.Reason.NO_SUCH_BUCKET);
		assertThat(this.store.translate(s3(404, "NoSuchKey", "x"), "read").reason())
			.isEqualTo(StorageException.Reason.NOT_FOUND);
		assertThat(this.store.translate(s3(404, null, null), "read").reason())
			.isEqualTo(StorageException.Reason.NOT_FOUND);
	}

	@Test
	void networkTroubleIsOther() {
		StorageException ex = this.store
			.translate(SdkClientException.create("Unable to execute HTTP request: Connection refused"), "upload 'k'");
		assertThat(ex.reason()).isEqualTo(StorageException.Reason.OTHER);
		assertThat(ex.getMessage()).contains("Connection refused").contains("eu-west-1");
		assertThat(this.store.translate(s3(503, "SlowDown", "Please reduce your request rate."), "x").reason())
			.isEqualTo(StorageException.Reason.OTHER);
	}

	@Test
	void describesItselfWithoutCredentials() {
		assertThat(this.store.toString()).isEqualTo("s3://acme-backups in region eu-west-1")
			.doesNotContain("AKIAEXAMPLE");
		assertThat(new S3Destination("b", "us-east-1", URI.create("http://h:1"), true, "id", "secret-value")).asString()
			.doesNotContain("secret-value");
	}

}
