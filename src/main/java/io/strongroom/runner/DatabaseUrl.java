package io.strongroom.runner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a customer's database lives and how to sign in: the parsed form of a
 * {@code postgres://}, {@code postgresql://}, {@code mysql://} or {@code mariadb://} URL
 * (Heroku's config var format).
 * <p>
 * The password is a {@link Secret}: {@link #toString()} and every message built here mask
 * it, and {@link #mask(String)} removes it from text that came from elsewhere (a dump
 * tool's stderr) before that text reaches a person.
 *
 * @param engine the engine the URL's scheme names; a {@code mysql://} URL may point at a
 * MariaDB server, which the dump detects
 * @param host host name or IP address (IPv6 without brackets)
 * @param port TCP port (5432 or 3306 when the URL names none)
 * @param user user name (percent-decoded)
 * @param password password (percent-decoded), empty when the URL has none
 * @param database database name (percent-decoded)
 * @param parameters query parameters (percent-decoded), in URL order
 */
public record DatabaseUrl(Engine engine, String host, int port, String user, Secret password, String database,
		Map<String, String> parameters) {

	static final String MASK = "****";

	private static final String EXAMPLE = "Expected postgres://user:password@host:5432/database "
			+ "or mysql://user:password@host:3306/database (percent-encode special characters).";

	private static final Set<String> POSTGRES_PARAMETERS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey",
			"connect_timeout", "application_name");

	private static final Set<String> POSTGRES_SSLMODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
			"verify-full");

	private static final Set<String> MYSQL_PARAMETERS = Set.of("ssl-mode", "sslmode", "ssl-ca", "reconnect");

	private static final Set<String> MYSQL_SSLMODES = Set.of("DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA",
			"VERIFY_IDENTITY");

	/** user:password@ inside any URL-looking text: the part to mask. */
	private static final Pattern URL_CREDENTIALS = Pattern
		.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@\"']*:)[^\\s@\"']*@");

	public DatabaseUrl {
		Objects.requireNonNull(engine, "engine");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(database, "database");
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
	}

	/**
	 * Parses a database URL.
	 * @param url the URL, for example {@code postgres://u:p@host:5432/db?sslmode=require}
	 * @return the parsed URL
	 * @throws RunnerFailure of kind {@link FailureKind#USAGE} saying what is wrong; the
	 * message never repeats the URL or the password
	 */
	public static DatabaseUrl parse(String url) throws RunnerFailure {
		if (url == null || url.isBlank()) {
			throw usage("No database URL was given. " + EXAMPLE);
		}
		String text = url.strip();
		int schemeEnd = text.indexOf("://");
		if (schemeEnd <= 0) {
			throw usage("The database URL has no scheme. " + EXAMPLE);
		}
		String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
		Engine engine = switch (scheme) {
			case "postgres", "postgresql" -> Engine.POSTGRES;
			case "mysql" -> Engine.MYSQL;
			case "mariadb" -> Engine.MARIADB;
			default -> throw usage("The database URL scheme '" + printable(scheme)
					+ "' is not supported: use postgres://, postgresql://, mysql:// or mariadb://.");
		};
		String rest = text.substring(schemeEnd + 3);
		// The last '@' ends the credentials, so an unencoded '@' or '/' in a password
		// still parses.
		String userInfo = null;
		int at = rest.lastIndexOf('@');
		if (at >= 0) {
			userInfo = rest.substring(0, at);
			rest = rest.substring(at + 1);
		}
		String query = null;
		int question = rest.indexOf('?');
		if (question >= 0) {
			query = rest.substring(question + 1);
			rest = rest.substring(0, question);
		}
		int fragment = (query != null) ? query.indexOf('#') : rest.indexOf('#');
		if (fragment >= 0) {
			throw usage("The database URL has a '#' fragment; percent-encode '#' as %23 if it belongs to a value.");
		}
		String path = "";
		int slash = rest.indexOf('/');
		if (slash >= 0) {
			path = rest.substring(slash + 1);
			rest = rest.substring(0, slash);
		}
		String host;
		String portText = null;
		if (rest.startsWith("[")) {
			int close = rest.indexOf(']');
			if (close < 0) {
				throw usage("The database URL has an IPv6 host without a closing ']'. " + EXAMPLE);
			}
			host = rest.substring(1, close);
			String after = rest.substring(close + 1);
			if (after.startsWith(":")) {
				portText = after.substring(1);
			}
			else if (!after.isEmpty()) {
				throw usage("The database URL has text after the IPv6 host. " + EXAMPLE);
			}
		}
		else {
			int colon = rest.lastIndexOf(':');
			host = (colon >= 0) ? rest.substring(0, colon) : rest;
			portText = (colon >= 0) ? rest.substring(colon + 1) : null;
		}
		host = decode(host, "host");
		if (host.isEmpty()) {
			throw usage("The database URL names no host. " + EXAMPLE);
		}
		checkPrintable(host, "host");
		int port = (engine == Engine.POSTGRES) ? 5432 : 3306;
		if (portText != null && !portText.isEmpty()) {
			if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1
					|| Integer.parseInt(portText) > 65535) {
				throw usage(
						"The database URL's port '" + printable(portText) + "' is not a number between 1 and 65535.");
			}
			port = Integer.parseInt(portText);
		}
		if (userInfo == null || userInfo.isEmpty()) {
			throw usage("The database URL names no user: write user:password@ before the host. " + EXAMPLE);
		}
		int colon = userInfo.indexOf(':');
		String user = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo, "user name");
		String password = (colon >= 0) ? decodeSecret(userInfo.substring(colon + 1)) : "";
		if (user.isEmpty()) {
			throw usage("The database URL names no user: write user:password@ before the host. " + EXAMPLE);
		}
		checkPrintable(user, "user name");
		if (password.chars().anyMatch((c) -> c == 0 || c == '\n' || c == '\r')) {
			throw usage("The database password contains a NUL or line break, which the dump tools cannot take.");
		}
		String database = decode(path, "database name");
		if (database.isEmpty()) {
			throw usage("The database URL names no database: add /<database> after the host. " + EXAMPLE);
		}
		checkPrintable(database, "database name");
		Map<String, String> parameters = parseQuery(query, engine);
		return new DatabaseUrl(engine, host, port, user, new Secret(password), database, parameters);
	}

	/** The URL with the password replaced by {@code ****}. */
	@Override
	public String toString() {
		StringBuilder builder = new StringBuilder();
		builder.append(switch (this.engine) {
			case POSTGRES -> "postgres";
			case MYSQL -> "mysql";
			case MARIADB -> "mariadb";
		}).append("://").append(encode(this.user));
		if (!this.password.value().isEmpty()) {
			builder.append(':').append(MASK);
		}
		builder.append('@').append(this.host.contains(":") ? "[" + this.host + "]" : this.host);
		builder.append(':').append(this.port).append('/').append(encode(this.database));
		String separator = "?";
		for (Map.Entry<String, String> parameter : this.parameters.entrySet()) {
			builder.append(separator)
				.append(encode(parameter.getKey()))
				.append('=')
				.append(encode(parameter.getValue()));
			separator = "&";
		}
		return builder.toString();
	}

	/**
	 * Removes this URL's password (plain or percent-encoded) and the credentials of any
	 * URL from text that may carry them, such as a dump tool's stderr.
	 * @param text text from a tool or a driver
	 * @return the text with secrets replaced by {@code ****}
	 */
	public String mask(String text) {
		if (text == null) {
			return "";
		}
		String masked = maskUrlCredentials(text);
		String secret = this.password.value();
		if (!secret.isEmpty()) {
			for (String form : List.of(secret, encode(secret), encodeAll(secret))) {
				masked = masked.replace(form, MASK);
			}
		}
		return masked;
	}

	/** Replaces {@code user:password@} in every URL in the text. */
	static String maskUrlCredentials(String text) {
		Matcher matcher = URL_CREDENTIALS.matcher(text);
		return matcher.replaceAll((result) -> Matcher.quoteReplacement(result.group(1) + MASK + "@"));
	}

	private static Map<String, String> parseQuery(String query, Engine engine) throws RunnerFailure {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = decode((equals >= 0) ? pair.substring(0, equals) : pair, "query parameter name");
			String value = decode((equals >= 0) ? pair.substring(equals + 1) : "", "query parameter value");
			checkPrintable(key, "query parameter name");
			checkPrintable(value, "query parameter value");
			checkParameter(engine, key, value);
			parameters.put(key, value);
		}
		return parameters;
	}

	private static void checkParameter(Engine engine, String key, String value) throws RunnerFailure {
		if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("user")) {
			throw usage("Put the user and password before the host (user:password@host), not in the query ('" + key
					+ "=').");
		}
		if (engine == Engine.POSTGRES) {
			if (!POSTGRES_PARAMETERS.contains(key)) {
				throw usage("The PostgreSQL URL parameter '" + printable(key) + "' is not supported; supported: "
						+ String.join(", ", sorted(POSTGRES_PARAMETERS)) + ".");
			}
			if (key.equals("sslmode") && !POSTGRES_SSLMODES.contains(value)) {
				throw usage("sslmode='" + printable(value) + "' is not a PostgreSQL SSL mode; use one of "
						+ String.join(", ", sorted(POSTGRES_SSLMODES)) + ".");
			}
			if (key.equals("connect_timeout") && !value.matches("[0-9]{1,6}")) {
				throw usage("connect_timeout must be a number of seconds, not '" + printable(value) + "'.");
			}
		}
		else {
			if (!MYSQL_PARAMETERS.contains(key)) {
				throw usage("The MySQL/MariaDB URL parameter '" + printable(key) + "' is not supported; supported: "
						+ String.join(", ", sorted(MYSQL_PARAMETERS)) + ".");
			}
			if ((key.equals("ssl-mode") || key.equals("sslmode"))
					&& !MYSQL_SSLMODES.contains(value.toUpperCase(Locale.ROOT))) {
				throw usage(key + "='" + printable(value) + "' is not a MySQL SSL mode; use one of "
						+ String.join(", ", sorted(MYSQL_SSLMODES)) + ".");
			}
		}
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

	private static String decode(String text, String what) throws RunnerFailure {
		try {
			return percentDecode(text);
		}
		catch (IllegalArgumentException ex) {
			throw usage("The " + what + " in the database URL " + ex.getMessage()
					+ " Percent-encode special characters ('%' as %25).");
		}
	}

	/** Like {@link #decode} but the message never shows the text. */
	private static String decodeSecret(String text) throws RunnerFailure {
		try {
			return percentDecode(text);
		}
		catch (IllegalArgumentException ex) {
			throw usage("The password in the database URL " + ex.getMessage()
					+ " Percent-encode special characters in it ('%' as %25).");
		}
	}

	/**
	 * RFC 3986 percent-decoding as UTF-8; unlike {@code URLDecoder}, '+' stays a plus
	 * sign.
	 */
	static String percentDecode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
						|| Character.digit(text.charAt(i + 2), 16) < 0) {
					throw new IllegalArgumentException("has a '%' that is not followed by two hex digits.");
				}
				bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
					encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.write(encoded, 0, encoded.length);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("has percent-escapes that are not valid UTF-8.");
		}
	}

	/** Percent-encodes what is not an RFC 3986 unreserved character. */
	static String encode(String text) {
		StringBuilder builder = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				builder.append(c);
			}
			else {
				builder.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return builder.toString();
	}

	/** Percent-encodes every byte: another spelling of a password that text may hold. */
	private static String encodeAll(String text) {
		StringBuilder builder = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			builder.append('%').append(String.format("%02X", b & 0xff));
		}
		return builder.toString();
	}

	private static void checkPrintable(String value, String what) throws RunnerFailure {
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw usage("The " + what + " in the database URL contains a control character.");
		}
	}

	/** Non-secret text for a message: control characters removed, length capped. */
	private static String printable(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 64) ? clean.substring(0, 64) + "…" : clean;
	}

	private static RunnerFailure usage(String message) {
		return new RunnerFailure(FailureKind.USAGE, message);
	}

}
