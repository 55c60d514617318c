package io.strongroom.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * An exact {@code schema.table} name from the customer's exclusions: the first dot
 * separates the schema, names are case-sensitive and have no wildcards.
 */
record TableName(String schema, String name) {

	/**
	 * @param text {@code schema.table}, or {@code table} for {@code defaultSchema}
	 * @throws IllegalArgumentException for an empty part
	 */
	static TableName parse(String text, String defaultSchema) {
		int dot = text.indexOf('.');
		TableName table = (dot < 0) ? new TableName(defaultSchema, text)
				: new TableName(text.substring(0, dot), text.substring(dot + 1));
		if (table.schema().isEmpty() || table.name().isEmpty()) {
			throw new IllegalArgumentException(
					"Excluded table '" + text + "' must be written schema.table (or table for the default schema).");
		}
		return table;
	}

	static List<TableName> parseAll(List<String> texts, String defaultSchema) {
		List<TableName> names = new ArrayList<>();
		for (String text : texts) {
			names.add(parse(text, defaultSchema));
		}
		return names;
	}

	/**
	 * A pg_dump pattern matching exactly this table: quoted, so case and wildcards are
	 * literal.
	 */
	String postgresPattern() {
		return Jdbc.quotePostgres(this.schema) + "." + Jdbc.quotePostgres(this.name);
	}

	boolean matches(String schema, String name) {
		return this.schema.equals(schema) && this.name.equals(name);
	}

	@Override
	public String toString() {
		return this.schema + "." + this.name;
	}

}
