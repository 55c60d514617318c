package io.strongroom.notify;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.strongroom.runner.FailureKind;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Log lines against a real local HTTP server that checks the framing byte by byte. */
class LogplexClientTests {

	static final String TOKEN = "t.01234567-89ab-cdef-0123-456789abcdef";

	static final TenantId TENANT = TenantId.of("0b7c7a55-4b0e-4a4b-9c39-6a3f7d3e1b11");

	static final UUID RUN = UUID.fromString("6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f");

	final LogplexClient client = new LogplexClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
			"Strongroom (https://elements.heroku.com/addons/strongroom; Java/17)", Duration.ofSeconds(5));

	@Test
	void postsOctetCountedRfc5424FramesWithContentLengthAndNoChunking() throws Exception {
		Instant at = Instant.parse("2026-11-22T03:00:41.123Z");
		String succeeded = LogplexFrames.message(at, "DATABASE", LogLines
			.backup(BackupOutcome.succeeded(TENANT, "DATABASE", RUN, at, 47_185_920, Duration.ofSeconds(12))));
		// a non-ASCII message: the length counts bytes (« é » are two each), not
		// characters
		String failed = LogplexFrames.message(at.plusSeconds(1), "DATABASE", LogLines.backup(BackupOutcome
			.failed(TENANT, "DATABASE", RUN, at.plusSeconds(1), FailureKind.DUMP_FAILED, "relation «café» missing")));

		try (CapturingHttpServer server = new CapturingHttpServer(204)) {
			this.client.post(server.uri("token:" + TOKEN, "/logs"), List.of(succeeded, failed), "frame-1");

			CapturingHttpServer.Request request = server.requests.get(0);
			String first = "<190>1 2026-11-22T03:00:41.123000+00:00 strongroom strongroom DATABASE - - backup succeeded"
					+ " database=DATABASE run=6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f size=47.2MB bytes=47185920"
					+ " duration=12s";
			String second = "<190>1 2026-11-22T03:00:42.123000+00:00 strongroom strongroom DATABASE - - backup failed"
					+ " database=DATABASE run=6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f kind=DUMP_FAILED"
					+ " error=\"relation «café» missing\"";
			byte[] expected = ("" + first.length() + " " + first + (second.length() + 3) + " " + second)
				.getBytes(StandardCharsets.UTF_8);
			assertThat(new String(request.body(), StandardCharsets.UTF_8))
				.isEqualTo(new String(expected, StandardCharsets.UTF_8));
			assertThat(request.body()).isEqualTo(expected);
			assertThat(frames(request.body())).containsExactly(first, second);

			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/logs");
			assertThat(request.header("Content-Type")).isEqualTo("application/logplex-1");
			assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(expected.length));
			assertThat(request.header("Transfer-Encoding")).isNull();
			assertThat(request.header("User-Agent"))
				.isEqualTo("Strongroom (https://elements.heroku.com/addons/strongroom; Java/17)");
			assertThat(request.header("Authorization")).isEqualTo(
					"Basic " + Base64.getEncoder().encodeToString(("token:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
			assertThat(request.header("Logplex-Msg-Count")).isEqualTo("2");
			assertThat(request.header("Logplex-Frame-Id")).isEqualTo("frame-1");
		}
	}

	@Test
	void aRejectionIsRetryableAndNeverShowsTheToken() throws Exception {
		try (CapturingHttpServer server = new CapturingHttpServer(401)) {
			assertThatExceptionOfType(DeliveryFailure.class)
				.isThrownBy(() -> this.client.post(server.uri("token:" + TOKEN, "/logs"), List.of("x"), "frame-2"))
				.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
				.withMessage("log input at 127.0.0.1 answered 401")
				.withMessageNotContaining(TOKEN);
		}
	}

	@Test
	void anUnreachableLogInputIsRetryable() throws Exception {
		CapturingHttpServer server = new CapturingHttpServer(204);
		java.net.URI uri = server.uri("token:" + TOKEN, "/logs");
		server.close();
		assertThatExceptionOfType(DeliveryFailure.class)
			.isThrownBy(() -> this.client.post(uri, List.of("x"), "frame-3"))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.withMessageNotContaining(TOKEN);
	}

	@Test
	void headerFieldsArePrintableAsciiAndMessagesOneLine() {
		String message = LogplexFrames.message(Instant.EPOCH, "MY DB\u00e9", "two\nlines\r\nhere");
		assertThat(message)
			.isEqualTo("<190>1 1970-01-01T00:00:00.000000+00:00 strongroom strongroom MY_DB_ - - two lines here");
		assertThat(LogplexFrames.field("", 10)).isEqualTo("-");
	}

	/** An independent reader of RFC 6587 octet-counted frames. */
	static List<String> frames(byte[] body) {
		List<String> frames = new ArrayList<>();
		int at = 0;
		while (at < body.length) {
			int space = at;
			while (body[space] != ' ') {
				assertThat(body[space]).as("length digits").isBetween((byte) '0', (byte) '9');
				space++;
			}
			int length = Integer.parseInt(new String(body, at, space - at, StandardCharsets.US_ASCII));
			assertThat(space + 1 + length).as("frame fits in the body").isLessThanOrEqualTo(body.length);
			frames.add(new String(body, space + 1, length, StandardCharsets.UTF_8));
			at = space + 1 + length;
		}
		return frames;
	}

}
