package io.strongroom.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.strongroom.runner.Secret;
import io.strongroom.storage.BackupStore;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.S3ProxyServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Test destination" against S3Mock, S3Proxy (which checks signatures as S3 does) and a
 * folder: each step passes on a destination that works and leaves no probe object; a
 * missing bucket or folder, or wrong credentials, fail at the first step with the storage
 * module's reason and a message that names the bucket but holds no credential.
 */
class DestinationProbeIntegrationTests {

	static final List<String> ALL_STEPS = List.of("access", "put", "get", "delete");

	static S3MockServer s3;

	static S3ProxyServer signed;

	@TempDir
	Path folder;

	@BeforeAll
	static void servers() {
		s3 = S3MockServer.shared();
		signed = S3ProxyServer.start();
	}

	@AfterAll
	static void stopSigned() {
		signed.close();
	}

	@Test
	void aWorkingBucketPassesEveryStepAndKeepsNoProbeObject() throws Exception {
		DestinationAccess destination = s3(s3.createBucket(), S3MockServer.SECRET_ACCESS_KEY);
		DestinationReport report = DestinationProbe.probe(destination);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.passed()).isEqualTo(ALL_STEPS);
		assertThat(report.failedStep()).isNull();
		assertThat(report.reason()).isNull();
		try (BackupStore store = Stores.open(destination)) {
			assertThat(store.list("team/")).isEmpty();
		}
	}

	@Test
	void aMissingBucketFailsAtAccessNamingTheBucket() {
		DestinationReport report = DestinationProbe.probe(s3("no-such-bucket-here", S3MockServer.SECRET_ACCESS_KEY));
		assertThat(report.ok()).isFalse();
		assertThat(report.failedStep()).isEqualTo("access");
		assertThat(report.passed()).isEmpty();
		assertThat(report.reason()).isEqualTo("NO_SUCH_BUCKET");
		assertThat(report.message()).contains("no-such-bucket-here");
	}

	@Test
	void rightCredentialsPassEveryStepWhereSignaturesAreChecked() {
		DestinationReport report = DestinationProbe.probe(signed(S3ProxyServer.CREDENTIAL));
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.passed()).isEqualTo(ALL_STEPS);
	}

	@Test
	void wrongCredentialsFailAtAccessWithoutTheSecretInTheMessage() {
		String wrong = "wrong-secret-" + System.nanoTime();
		DestinationReport report = DestinationProbe.probe(signed(wrong));
		assertThat(report.ok()).isFalse();
		assertThat(report.failedStep()).isEqualTo("access");
		assertThat(report.reason()).isEqualTo("ACCESS_DENIED");
		assertThat(report.message()).contains(S3ProxyServer.BUCKET)
			.contains("Check the access key id")
			.doesNotContain(wrong);
	}

	@Test
	void aFolderPassesEveryStepAndKeepsNoProbeFile() throws Exception {
		DestinationReport report = DestinationProbe.probe(folder(this.folder));
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.passed()).isEqualTo(ALL_STEPS);
		try (var files = Files.walk(this.folder)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void aMissingFolderFailsAtAccessNamingIt() {
		Path missing = this.folder.resolve("not-created");
		DestinationReport report = DestinationProbe.probe(folder(missing));
		assertThat(report.ok()).isFalse();
		assertThat(report.failedStep()).isEqualTo("access");
		assertThat(report.reason()).isEqualTo("NO_SUCH_BUCKET");
		assertThat(report.message()).contains(missing.toString());
	}

	static DestinationAccess s3(String bucket, String secret) {
		return new DestinationAccess(DestinationType.S3, bucket, S3MockServer.REGION, s3.endpoint().toString(), true,
				"team", null, new Secret(S3MockServer.ACCESS_KEY_ID), new Secret(secret));
	}

	static DestinationAccess signed(String secret) {
		return new DestinationAccess(DestinationType.S3, S3ProxyServer.BUCKET, "us-east-1",
				signed.endpoint().toString(), true, "probe", null, new Secret(S3ProxyServer.IDENTITY),
				new Secret(secret));
	}

	static DestinationAccess folder(Path path) {
		return new DestinationAccess(DestinationType.FILESYSTEM, null, null, null, false, "backups", path.toString(),
				null, null);
	}

}
