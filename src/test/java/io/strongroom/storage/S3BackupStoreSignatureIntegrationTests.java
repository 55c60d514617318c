package io.strongroom.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.strongroom.support.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Against S3Proxy, which checks AWS signatures as S3 does (S3Mock accepts anything):
 * right credentials work, wrong ones are refused with a reason, presigned links are
 * signed.
 */
class S3BackupStoreSignatureIntegrationTests {

	static S3ProxyServer server;

	@BeforeAll
	static void start() {
		server = S3ProxyServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static S3BackupStore store(String secret) {
		return new S3BackupStore(new S3Destination(S3ProxyServer.BUCKET, "us-east-1", server.endpoint(), true,
				S3ProxyServer.IDENTITY, secret));
	}

	@Test
	void rightCredentialsAreAccepted() throws IOException {
		try (S3BackupStore store = store(S3ProxyServer.CREDENTIAL)) {
			store.checkAccess();
			store.put("signed/ok.txt", "hello".getBytes(), Map.of("strongroom-run", "r"));
			try (InputStream in = store.get("signed/ok.txt")) {
				assertThat(in.readAllBytes()).isEqualTo("hello".getBytes());
			}
			assertThat(store.head("signed/ok.txt").orElseThrow().metadata()).containsEntry("strongroom-run", "r");
		}
	}

	@Test
	void wrongSecretIsRefusedAsAccessDenied() {
		try (S3BackupStore store = store("not-the-secret")) {
			assertThatExceptionOfType(StorageException.class).isThrownBy(store::checkAccess)
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.ACCESS_DENIED))
				.withMessageContaining("Check the access key id")
				.withMessageNotContaining("not-the-secret");
			assertThatExceptionOfType(StorageException.class)
				.isThrownBy(() -> store.put("signed/no.txt", new byte[1], Map.of()))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageException.Reason.ACCESS_DENIED));
		}
	}

	@Test
	void presignedLinkIsSignedAndTamperingIsRefused() throws Exception {
		try (S3BackupStore store = store(S3ProxyServer.CREDENTIAL)) {
			store.put("signed/linked.txt", "linked".getBytes(), Map.of());
			URI link = store.presignedGet("signed/linked.txt", Duration.ofMinutes(5));
			assertThat(link.getQuery()).contains("X-Amz-Signature=");
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> ok = http.send(HttpRequest.newBuilder(link).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(ok.statusCode()).isEqualTo(200);
			assertThat(ok.body()).isEqualTo("linked");
			URI tampered = URI.create(link.toString().replace("signed/linked.txt", "signed/other.txt"));
			assertThat(http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(403);
		}
	}

}
