package io.strongroom.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tables a PostgreSQL dump contains, decided the way pg_dump decides from the same
 * flags: the statistics use it so that they describe exactly the dumped data.
 *
 * @param excludeSchemas schemas left out ({@code heroku_ext} unless the options keep it)
 * @param excludeTables tables left out
 * @param excludeTableData tables whose definition is dumped but not their rows
 * @param largeObjects whether large objects are dumped
 */
record PostgresSelection(List<String> excludeSchemas, List<TableName> excludeTables, List<TableName> excludeTableData,
		boolean largeObjects) {

	static final String HEROKU_EXT = "heroku_ext";

	static PostgresSelection of(DumpRequest request) {
		DumpOptions options = request.options();
		List<String> excludeSchemas = new ArrayList<>(options.names("excludeSchemas"));
		if (!options.flag("includeHerokuExt") && !excludeSchemas.contains(HEROKU_EXT)) {
			excludeSchemas.add(HEROKU_EXT);
		}
		Boolean largeObjects = options.bool("largeObjects");
		return new PostgresSelection(List.copyOf(excludeSchemas), TableName.parseAll(request.excludeTables(), "public"),
				TableName.parseAll(options.names("excludeTableData"), "public"), !Boolean.FALSE.equals(largeObjects));
	}

	boolean includesTable(String schema, String name) {
		if (this.excludeSchemas.contains(schema)) {
			return false;
		}
		return this.excludeTables.stream().noneMatch((table) -> table.matches(schema, name));
	}

	boolean includesData(String schema, String name) {
		return this.excludeTableData.stream().noneMatch((table) -> table.matches(schema, name));
	}

}
