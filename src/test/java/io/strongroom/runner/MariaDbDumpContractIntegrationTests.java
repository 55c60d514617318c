package io.strongroom.runner;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import io.strongroom.support.TestDatabase;

@Tag("database")
class MariaDbDumpContractIntegrationTests extends DatabaseDumpContractTests {

	static TestDatabase.Coordinates db;

	@BeforeAll
	static void seed() throws Exception {
		db = TestDatabase.mariadb();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v CHAR(32))");
			statement.execute("INSERT INTO t SELECT seq, MD5(seq) FROM seq_1_to_20000");
		}
	}

	@AfterAll
	static void drop() {
		TestDatabase.drop(db);
	}

	@Override
	DatabaseDump dump() {
		return DatabaseDump.forEngine(Engine.MARIADB);
	}

	@Override
	DumpRequest request() throws RunnerFailure {
		return DumpRequest.of(DatabaseUrl.parse(db.url()));
	}

}
