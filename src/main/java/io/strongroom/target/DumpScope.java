package io.strongroom.target;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backup of a database leaves out, as "test connection" must see it: the
 * customer's {@code excludeTables} ({@code schema.table}, for MySQL the URL's database as
 * the schema) and, for PostgreSQL, the {@code excludeSchemas} option and
 * {@code heroku_ext} unless {@code includeHerokuExt} is set; the same rules as the
 * runner's, so an object the backup skips never fails the test.
 */
record DumpScope(Set<String> excludedTables, Set<String> excludedSchemas) {

	/** No exclusions of the customer's: what a database without settings dumps. */
	static final DumpScope DEFAULT = of(List.of(), Map.of());

	static final String HEROKU_EXT = "heroku_ext";

	DumpScope {
		excludedTables = Set.copyOf(excludedTables);
		excludedSchemas = Set.copyOf(excludedSchemas);
	}

	/**
	 * @param excludeTables the database's saved exclusions
	 * @param options the database's saved (checked) dump options
	 */
	static DumpScope of(List<String> excludeTables, Map<String, Object> options) {
		Set<String> schemas = new HashSet<>();
		if (options.get("excludeSchemas") instanceof List<?> names) {
			names.forEach((name) -> schemas.add(String.valueOf(name)));
		}
		if (!Boolean.TRUE.equals(options.get("includeHerokuExt"))) {
			schemas.add(HEROKU_EXT);
		}
		return new DumpScope(Set.copyOf(excludeTables), schemas);
	}

	/** Whether the backup reads objects of this schema. */
	boolean dumpsSchema(String schema) {
		return !this.excludedSchemas.contains(schema);
	}

	/**
	 * Whether the backup reads this PostgreSQL table or sequence: neither its schema nor
	 * itself is left out.
	 */
	boolean dumps(String schema, String name) {
		return dumpsSchema(schema) && !excludesTable(schema, name);
	}

	/**
	 * Whether {@code excludeTables} names this table (exact and case-sensitive, as the
	 * dump tools take it). Alone it is the MySQL rule, which has no schema options.
	 */
	boolean excludesTable(String schema, String name) {
		return this.excludedTables.contains(schema + "." + name);
	}

}
