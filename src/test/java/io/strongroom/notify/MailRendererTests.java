package io.strongroom.notify;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mail, rendered, must equal {@code src/test/resources/notify/<name>.txt}
 * and {@code .html} (SBA's {@code MailNotifierTest}). Refresh after a deliberate change
 * with {@code -Dnotify.golden.update=true} and review the diff.
 */
class MailRendererTests {

	static final Path GOLDEN = Path.of("src/test/resources/notify");

	static final UUID RUN = UUID.fromString("6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f");

	static final URI DASHBOARD = URI.create("https://strongroom.example.com/");

	static final Instant AT = Instant.parse("2026-11-22T03:00:41Z");

	static final Instant SINCE = Instant.parse("2026-11-20T03:00:12Z");

	final MailRenderer renderer = new MailRenderer("[Strongroom]");

	static Notice notice(NoticeKind kind, String failure, String message) {
		return new Notice(kind, "strongroom-cubic-12345", "acme-shop", "DATABASE", RUN, AT, failure, message,
				(kind == NoticeKind.FIRST_FAILURE) ? AT : SINCE, 3, DASHBOARD, "STRONGROOM_DATABASE_URL");
	}

	static Stream<Arguments> notices() {
		return Stream.of(
				Arguments.of("first-failure",
						notice(NoticeKind.FIRST_FAILURE, "AUTHENTICATION_FAILED",
								"FATAL: password authentication failed for user \"strongroom_backup\"")),
				Arguments.of("still-failing",
						notice(NoticeKind.STILL_FAILING, "AUTHENTICATION_FAILED",
								"FATAL: password authentication failed for user \"strongroom_backup\"")),
				Arguments.of("recovered", notice(NoticeKind.RECOVERED, null, null)),
				Arguments.of("verification-failed-integrity",
						notice(NoticeKind.VERIFICATION_FAILED, "INTEGRITY",
								"The object's SHA-256 and HMAC-SHA256 differ from those recorded for the backup: it was"
										+ " changed or truncated in storage (4718592 bytes read).")),
				Arguments.of("verification-failed-restore-test",
						notice(NoticeKind.VERIFICATION_FAILED, "RESTORE_TEST",
								"The backup is intact, but the restore test failed: 1 table differs from the backup's"
										+ " statistics: public.orders has 698 rows restored, 700 in the backup.")),
				Arguments.of("schedule-missed",
						notice(NoticeKind.SCHEDULE_MISSED, "SCHEDULE_MISSED",
								"no backup started within 60 minutes of the slot at 2026-11-22T02:00:00Z")),
				Arguments.of("stalled", notice(NoticeKind.STALLED, "STALLED", "no heartbeat for 5 minutes")),
				Arguments.of("first-failure-runner-exited",
						notice(NoticeKind.FIRST_FAILURE, "RUNNER_EXITED", "the dyno exited with status 137")),
				Arguments.of("first-failure-runner-memory", notice(NoticeKind.FIRST_FAILURE, "RUNNER_MEMORY",
						"The runner's heap is too small to upload a database of 838.2 GiB: S3 allows 10,000 parts,"
								+ " so its parts are 96.0 MiB and the upload holds 3 of them; with the rest of the"
								+ " backup that needs a heap of 320.0 MiB, and this runner has 309.3 MiB. Nothing was"
								+ " dumped or uploaded. On Heroku, a larger dyno size gives a larger heap: Strongroom's"
								+ " operator sets it (STRONGROOM_RUN_HEROKU_DYNOSIZE; docs/runner-spec.md lists each"
								+ " size's heap); started by hand, give java -Xmx352m or more.")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notices")
	void rendersTheGoldenMail(String name, Notice notice) throws IOException {
		MailRenderer.Mail mail = this.renderer.render(NoticeContent.of(notice));
		String text = "Subject: " + mail.subject() + "\n\n" + mail.text();
		assertGolden(name + ".txt", text);
		assertGolden(name + ".html", mail.html());
	}

	@Test
	void namesTheConfigVarAsItIsOnTheCustomersApp() {
		Notice notice = new Notice(NoticeKind.FIRST_FAILURE, "strongroom-cubic-12345", "acme-shop", "DATABASE", RUN, AT,
				"AUTHENTICATION_FAILED", "password authentication failed", AT, 1, DASHBOARD, "BACKUPS_DATABASE_URL");
		assertThat(NoticeContent.of(notice).whatToDo()).first()
			.asString()
			.endsWith("it updates BACKUPS_DATABASE_URL on your app.");
		Notice local = new Notice(NoticeKind.FIRST_FAILURE, "strongroom-cubic-12345", null, "DATABASE", RUN, AT,
				"AUTHENTICATION_FAILED", "password authentication failed", AT, 1, DASHBOARD, null);
		assertThat(String.join(" ", NoticeContent.of(local).whatToDo())).doesNotContain("STRONGROOM_");
	}

	@Test
	void escapesWhatTheCustomersDatabaseSaysInHtml() {
		Notice notice = notice(NoticeKind.FIRST_FAILURE, "DUMP_FAILED", "relation \"<script>alert(1)</script>\" & co");
		MailRenderer.Mail mail = this.renderer.render(NoticeContent.of(notice));
		assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(mail.text()).contains("<script>alert(1)</script>");
	}

	@Test
	void chatTextIsSlackEscapedAndLinksTheDashboard() {
		Notice notice = notice(NoticeKind.FIRST_FAILURE, "DUMP_FAILED", "a < b & c > d");
		assertThat(NoticeContent.of(notice).chatText())
			.isEqualTo("*Backup of DATABASE on acme-shop failed*\nThe backup of DATABASE on acme-shop failed at"
					+ " 2026-11-22 03:00 UTC.\n> a &lt; b &amp; c &gt; d\nWhat to do: Read the error above.\n"
					+ "<https://strongroom.example.com/|Open Strongroom>");
	}

	static void assertGolden(String name, String actual) throws IOException {
		Path file = GOLDEN.resolve(name);
		if (Boolean.getBoolean("notify.golden.update")) {
			Files.createDirectories(GOLDEN);
			Files.writeString(file, actual, StandardCharsets.UTF_8);
		}
		assertThat(file).as("golden file (refresh with -Dnotify.golden.update=true)").exists();
		assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
	}

}
