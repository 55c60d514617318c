package io.strongroom.notify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The body of a log input request ({@code application/logplex-1}, heroku-addon.md §5.2):
 * RFC 5424 syslog messages, each framed by its length in bytes, a space, and the message
 * (RFC 6587 octet counting), with nothing between frames. Pure.
 * <p>
 * Each message is {@code <190>1 TIMESTAMP strongroom strongroom PROCID - - MSG}: priority
 * local7.info, version 1, HOSTNAME and APP-NAME {@code strongroom}, PROCID the database
 * label, so {@code heroku logs} shows {@code strongroom[DATABASE]: ...}. Heroku's example
 * puts the log token in HOSTNAME; we don't, because the token is a credential and logplex
 * authenticates the request by the URL's credentials.
 */
final class LogplexFrames {

	static final String APP_NAME = "strongroom";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private LogplexFrames() {
	}

	/** One syslog message (unframed). */
	static String message(Instant at, String procId, String text) {
		return "<190>1 " + TIMESTAMP.format(at) + " " + APP_NAME + " " + APP_NAME + " " + field(procId, 128) + " - - "
				+ oneLine(text);
	}

	/** The request body: every message framed by its byte length. */
	static byte[] body(List<String> messages) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String message : messages) {
			byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
			body.writeBytes((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(bytes);
		}
		return body.toByteArray();
	}

	/** RFC 5424 header fields are printable US-ASCII without spaces, or {@code -}. */
	static String field(String value, int maxLength) {
		StringBuilder field = new StringBuilder();
		for (int i = 0; i < value.length() && field.length() < maxLength; i++) {
			char c = value.charAt(i);
			field.append((c >= 33 && c <= 126) ? c : '_');
		}
		return field.isEmpty() ? "-" : field.toString();
	}

	/** One frame is one line in the app's log. */
	static String oneLine(String text) {
		return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
	}

}
