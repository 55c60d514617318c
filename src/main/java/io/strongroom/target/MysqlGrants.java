package io.strongroom.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the lines of MySQL's and MariaDB's {@code SHOW GRANTS} to tell whether the user
 * may change data in one database: a grant counts when it is global ({@code *.*}), on
 * that database (a database grant's name may hold {@code LIKE} wildcards, as the server
 * matches it) or on one of its tables. Grants on other databases do not. Pure, so the
 * parsing is tested on the lines the servers print.
 */
final class MysqlGrants {

	/**
	 * Privileges that change data; {@code DROP} because MySQL's {@code TRUNCATE} needs it
	 * (PostgreSQL's probe counts TRUNCATE too).
	 */
	private static final Set<String> WRITES = Set.of("ALL", "ALL PRIVILEGES", "INSERT", "UPDATE", "DELETE",
			"DELETE HISTORY", "DROP");

	private static final List<String> OBJECT_TYPES = List.of("TABLE ", "FUNCTION ", "PROCEDURE ", "PACKAGE BODY ",
			"PACKAGE ");

	private MysqlGrants() {
	}

	static boolean allowWriting(List<String> grants, String database) {
		return grants.stream().anyMatch((grant) -> allowsWriting(grant, database));
	}

	/**
	 * @param grant one line of {@code SHOW GRANTS}, such as
	 * {@code GRANT SELECT, INSERT ON `shop`.* TO `app`@`%`}
	 * @param database the database the backup reads
	 */
	static boolean allowsWriting(String grant, String database) {
		if (!grant.startsWith("GRANT ")) {
			return false;
		}
		int on = indexOutside(grant, " ON ", 6);
		if (on < 0) {
			return false;
		}
		if (privileges(grant.substring(6, on)).stream().noneMatch(WRITES::contains)) {
			return false;
		}
		String object = grant.substring(on + 4);
		for (String type : OBJECT_TYPES) {
			if (object.startsWith(type)) {
				object = object.substring(type.length());
				break;
			}
		}
		List<String> parts = qualifiedName(object);
		if (parts.size() != 2) {
			return false;
		}
		String schema = parts.get(0);
		if (schema.equals("*")) {
			return true;
		}
		// Only database-level grants take wildcards; a table grant names its database.
		return parts.get(1).equals("*") ? like(database, schema) : schema.equalsIgnoreCase(database);
	}

	/** The privilege names, without column lists: {@code SELECT (`a`), INSERT}. */
	private static List<String> privileges(String text) {
		List<String> names = new ArrayList<>();
		int from = 0;
		while (true) {
			int comma = indexOutside(text, ",", from);
			String privilege = text.substring(from, (comma < 0) ? text.length() : comma);
			int columns = privilege.indexOf('(');
			names.add(((columns < 0) ? privilege : privilege.substring(0, columns)).trim().toUpperCase(Locale.ROOT));
			if (comma < 0) {
				return names;
			}
			from = comma + 1;
		}
	}

	/**
	 * {@code `db`.`table`}, {@code `db`.*} or {@code *.*} at the start of the text, as
	 * its two names; anything else (a proxy grant's user) as fewer.
	 */
	private static List<String> qualifiedName(String text) {
		List<String> parts = new ArrayList<>();
		int i = 0;
		while (parts.size() < 2 && i < text.length()) {
			StringBuilder name = new StringBuilder();
			if (text.charAt(i) == '`') {
				i++;
				while (i < text.length()) {
					char c = text.charAt(i++);
					if (c == '`' && i < text.length() && text.charAt(i) == '`') {
						name.append('`');
						i++;
					}
					else if (c == '`') {
						break;
					}
					else {
						name.append(c);
					}
				}
			}
			else {
				while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != ' ') {
					name.append(text.charAt(i++));
				}
			}
			parts.add(name.toString());
			if (i >= text.length() || text.charAt(i) != '.') {
				break;
			}
			i++;
		}
		return parts;
	}

	/** Where {@code needle} first occurs outside backquotes and column lists. */
	private static int indexOutside(String text, String needle, int from) {
		boolean quoted = false;
		int depth = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '`') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && text.startsWith(needle, i)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * SQL {@code LIKE} as the server matches database grants: {@code %}, {@code _} and
	 * {@code \} escapes; case-insensitive, so a grant that may match on a server with
	 * case-insensitive names is not missed.
	 */
	static boolean like(String value, String pattern) {
		return like(value.toLowerCase(Locale.ROOT), 0, pattern.toLowerCase(Locale.ROOT), 0);
	}

	private static boolean like(String value, int v, String pattern, int p) {
		while (p < pattern.length()) {
			char c = pattern.charAt(p);
			if (c == '%') {
				for (int rest = v; rest <= value.length(); rest++) {
					if (like(value, rest, pattern, p + 1)) {
						return true;
					}
				}
				return false;
			}
			if (v >= value.length()) {
				return false;
			}
			if (c == '\\' && p + 1 < pattern.length()) {
				c = pattern.charAt(++p);
			}
			else if (c == '_') {
				p++;
				v++;
				continue;
			}
			if (value.charAt(v) != c) {
				return false;
			}
			p++;
			v++;
		}
		return v == value.length();
	}

}
