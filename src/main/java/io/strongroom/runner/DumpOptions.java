package io.strongroom.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's dump options, checked against a whitelist per engine.
 * <p>
 * Options are JSON keys with typed values, never command-line flags: each known option
 * becomes one fixed flag whose value travels as a single {@code --flag=value} argument,
 * so no option can add arguments of its own (such as {@code --file}) or change the format
 * Strongroom needs. The whitelist and what each option does are in
 * {@code docs/dump-tools.md}.
 */
public final class DumpOptions {

	/** PostgreSQL options and their types, in documentation order. */
	static final Map<String, Type> POSTGRES = ordered("excludeSchemas", Type.NAMES, "excludeTableData", Type.NAMES,
			"includeHerokuExt", Type.BOOLEAN, "largeObjects", Type.BOOLEAN, "noComments", Type.BOOLEAN,
			"noPublications", Type.BOOLEAN, "noSubscriptions", Type.BOOLEAN, "noTablespaces", Type.BOOLEAN,
			"enableRowSecurity", Type.BOOLEAN, "quoteAllIdentifiers", Type.BOOLEAN, "lockWaitTimeout",
			Type.DURATION_MILLIS);

	/** MySQL and MariaDB options and their types, in documentation order. */
	static final Map<String, Type> MYSQL = ordered("routines", Type.BOOLEAN, "triggers", Type.BOOLEAN, "events",
			Type.BOOLEAN, "noTablespaces", Type.BOOLEAN, "completeInsert", Type.BOOLEAN, "maxAllowedPacket", Type.BYTES,
			"defaultCharacterSet", Type.CHARSET);

	/** Flags whose names customers tend to send; answered with a specific message. */
	private static final Set<String> RESERVED = Set.of("file", "f", "format", "F", "compress", "Z", "jobs", "j",
			"snapshot", "host", "h", "port", "p", "username", "U", "user", "u", "password", "W", "dbname", "d",
			"result-file", "r", "defaults-file", "defaults-extra-file", "databases", "all-databases", "tab",
			"single-transaction", "no-owner", "no-acl", "clean", "create");

	private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,128}");

	private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9_]{1,32}");

	private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)?");

	private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

	enum Type {

		BOOLEAN("true or false"), NAMES("a list of names"), DURATION_MILLIS("milliseconds or a duration like \"30s\""),
		BYTES("bytes or a size like \"256M\""), CHARSET("a character set name like \"utf8mb4\"");

		private final String description;

		Type(String description) {
			this.description = description;
		}

	}

	private final Engine engine;

	private final Map<String, Object> values;

	private DumpOptions(Engine engine, Map<String, Object> values) {
		this.engine = engine;
		this.values = Collections.unmodifiableMap(new TreeMap<>(values));
	}

	/** No options: the defaults of {@code docs/dump-tools.md}. */
	public static DumpOptions defaults(Engine engine) {
		return new DumpOptions(Objects.requireNonNull(engine, "engine"), Map.of());
	}

	/**
	 * Checks options against the engine's whitelist.
	 * @param engine the engine the options are for ({@link Engine#MYSQL} and
	 * {@link Engine#MARIADB} share a whitelist)
	 * @param options JSON-like values: Boolean, Number, String or List of String
	 * @return the checked options
	 * @throws IllegalArgumentException naming the offending option and what it accepts
	 */
	public static DumpOptions parse(Engine engine, Map<String, Object> options) {
		Objects.requireNonNull(engine, "engine");
		if (options == null || options.isEmpty()) {
			return defaults(engine);
		}
		Map<String, Type> whitelist = whitelist(engine);
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, Object> option : options.entrySet()) {
			String key = option.getKey();
			Type type = whitelist.get(key);
			if (type == null) {
				throw new IllegalArgumentException(unknown(engine, key, whitelist));
			}
			values.put(key, convert(key, type, option.getValue()));
		}
		return new DumpOptions(engine, values);
	}

	/** The option names an engine accepts, in documentation order. */
	public static List<String> supported(Engine engine) {
		return List.copyOf(whitelist(engine).keySet());
	}

	public Engine engine() {
		return this.engine;
	}

	/** The options that were set, normalized (durations in ms, sizes in bytes). */
	public Map<String, Object> asMap() {
		return this.values;
	}

	boolean flag(String name) {
		return Boolean.TRUE.equals(this.values.get(name));
	}

	/** A boolean option, or {@code null} when it was not set. */
	Boolean bool(String name) {
		return (Boolean) this.values.get(name);
	}

	@SuppressWarnings("unchecked")
	List<String> names(String name) {
		Object value = this.values.get(name);
		return (value != null) ? (List<String>) value : List.of();
	}

	Long number(String name) {
		return (Long) this.values.get(name);
	}

	String text(String name) {
		return (String) this.values.get(name);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DumpOptions that && this.engine == that.engine && this.values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.engine, this.values);
	}

	@Override
	public String toString() {
		return "DumpOptions" + this.values;
	}

	private static Map<String, Type> whitelist(Engine engine) {
		return (engine == Engine.POSTGRES) ? POSTGRES : MYSQL;
	}

	private static String unknown(Engine engine, String key, Map<String, Type> whitelist) {
		String engineName = (engine == Engine.POSTGRES) ? "PostgreSQL" : "MySQL/MariaDB";
		String shown = shorten(String.valueOf(key));
		String stripped = shown.replaceFirst("^-+", "").replaceFirst("=.*$", "");
		String hint = "";
		if (shown.startsWith("-")) {
			hint = " Options are JSON keys with values, like \"noComments\": true, not command-line flags.";
		}
		if (RESERVED.contains(stripped)) {
			hint += " Strongroom sets '" + stripped + "' itself: the dump's format, target and credentials are fixed.";
		}
		return "Unknown dump option '" + shown + "' for " + engineName + "." + hint + " Supported options: "
				+ String.join(", ", whitelist.keySet()) + " (see docs/dump-tools.md).";
	}

	private static Object convert(String key, Type type, Object value) {
		String expected = "Dump option '" + key + "' must be " + type.description + ", not " + describe(value) + ".";
		switch (type) {
			case BOOLEAN -> {
				if (value instanceof Boolean b) {
					return b;
				}
				throw new IllegalArgumentException(expected);
			}
			case NAMES -> {
				List<?> list = (value instanceof List<?> l) ? l : null;
				if (value instanceof String s) {
					list = List.of(s);
				}
				if (list == null || list.isEmpty()) {
					throw new IllegalArgumentException(expected);
				}
				List<String> names = new ArrayList<>();
				for (Object element : list) {
					if (!(element instanceof String s) || !NAME.matcher(s).matches() || s.isBlank()) {
						throw new IllegalArgumentException("Dump option '" + key
								+ "' must list names of 1 to 128 printable characters, not " + describe(element) + ".");
					}
					names.add(s);
				}
				return List.copyOf(names);
			}
			case DURATION_MILLIS -> {
				long millis = durationMillis(value, expected);
				if (millis < 1 || millis > 86_400_000L) {
					throw new IllegalArgumentException(
							"Dump option '" + key + "' must be between 1 ms and 24 h, not " + describe(value) + ".");
				}
				return millis;
			}
			case BYTES -> {
				long bytes = bytes(value, expected);
				if (bytes < 1024 || bytes > 1024L * 1024 * 1024) {
					throw new IllegalArgumentException(
							"Dump option '" + key + "' must be between 1K and 1G, not " + describe(value) + ".");
				}
				return bytes;
			}
			case CHARSET -> {
				if (value instanceof String s && CHARSET.matcher(s).matches()) {
					return s;
				}
				throw new IllegalArgumentException(expected);
			}
		}
		throw new IllegalStateException("Unhandled option type " + type);
	}

	private static long durationMillis(Object value, String expected) {
		if (value instanceof Number number && isWhole(number)) {
			return number.longValue();
		}
		if (value instanceof String s) {
			Matcher matcher = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
				return switch (unit) {
					case "s" -> amount * 1000;
					case "m", "min" -> amount * 60_000;
					case "h" -> amount * 3_600_000;
					default -> amount;
				};
			}
		}
		throw new IllegalArgumentException(expected);
	}

	private static long bytes(Object value, String expected) {
		if (value instanceof Number number && isWhole(number)) {
			return number.longValue();
		}
		if (value instanceof String s) {
			Matcher matcher = SIZE.matcher(s.strip());
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
					case "K" -> amount * 1024;
					case "M" -> amount * 1024 * 1024;
					case "G" -> amount * 1024 * 1024 * 1024;
					default -> amount;
				};
			}
		}
		throw new IllegalArgumentException(expected);
	}

	private static boolean isWhole(Number number) {
		return (number instanceof Integer || number instanceof Long || number instanceof Short)
				|| (number.doubleValue() == Math.rint(number.doubleValue())
						&& !Double.isInfinite(number.doubleValue()));
	}

	private static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String s) {
			return "\"" + shorten(s) + "\"";
		}
		return shorten(String.valueOf(value));
	}

	private static String shorten(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 64) ? clean.substring(0, 64) + "…" : clean;
	}

	private static Map<String, Type> ordered(Object... namesAndTypes) {
		Map<String, Type> options = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			options.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
		}
		return Collections.unmodifiableMap(options);
	}

}
