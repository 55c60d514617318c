package io.strongroom.runner;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import io.strongroom.support.TestDatabase;

@Tag("database")
class PostgresDumpContractIntegrationTests extends DatabaseDumpContractTests {

	static TestDatabase.Coordinates db;

	@BeforeAll
	static void seed() throws Exception {
		db = TestDatabase.postgres();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g");
		}
	}

	@AfterAll
	static void drop() {
		TestDatabase.drop(db);
	}

	@Override
	DatabaseDump dump() {
		return DatabaseDump.forEngine(Engine.POSTGRES);
	}

	@Override
	DumpRequest request() throws RunnerFailure {
		return DumpRequest.of(DatabaseUrl.parse(db.url()));
	}

}
