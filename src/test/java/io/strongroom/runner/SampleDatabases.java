package io.strongroom.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strongroom.support.TestDatabase;

/**
 * Source databases for the runner's tests, made once per JVM: varied types, a table left
 * out by the tests' specs ({@code audit_log}), large objects, and on the "full"
 * PostgreSQL one a table over 100 MB; and a "large" PostgreSQL one, long enough to dump
 * that a test can stop it while its upload is a pending multipart upload.
 */
final class SampleDatabases {

	static final String EXCLUDED_PG = "public.audit_log";

	private static TestDatabase.Coordinates postgresFull;

	private static TestDatabase.Coordinates postgresSmall;

	private static TestDatabase.Coordinates postgresLarge;

	private static TestDatabase.Coordinates mariadb;

	private SampleDatabases() {
	}

	/** Varied types plus {@code public.big}, over 100 MB. */
	static synchronized TestDatabase.Coordinates postgresFull() {
		if (postgresFull == null) {
			TestDatabase.Coordinates db = TestDatabase.postgres();
			seedPostgres(db);
			execute(db, "CREATE TABLE public.big (id int PRIMARY KEY, payload text NOT NULL)",
					"INSERT INTO public.big SELECT i, md5(i::text) || md5(random()::text) || md5(random()::text) "
							+ "|| repeat(md5(i::text), 5) FROM generate_series(1, 420000) i",
					"ANALYZE");
			postgresFull = db;
		}
		return postgresFull;
	}

	/**
	 * One table of ~540 MB as pg_dump writes it (~80 MB after zstd): a backup's upload
	 * turns multipart (after 16 MiB) in its first fifth, so a test can stop the run while
	 * a multipart upload is pending and pg_dump still has seconds to go. Unlogged, so it
	 * is made without writing WAL.
	 */
	static synchronized TestDatabase.Coordinates postgresLarge() {
		if (postgresLarge == null) {
			TestDatabase.Coordinates db = TestDatabase.postgres();
			execute(db, "CREATE UNLOGGED TABLE public.stream (id int NOT NULL, payload text NOT NULL)",
					"INSERT INTO public.stream SELECT i, md5(i::text) || md5(random()::text) || repeat(md5(i::text), 6) "
							+ "FROM generate_series(1, 2000000) i",
					"ANALYZE");
			postgresLarge = db;
		}
		return postgresLarge;
	}

	static synchronized TestDatabase.Coordinates postgresSmall() {
		if (postgresSmall == null) {
			TestDatabase.Coordinates db = TestDatabase.postgres();
			seedPostgres(db);
			postgresSmall = db;
		}
		return postgresSmall;
	}

	private static void seedPostgres(TestDatabase.Coordinates db) {
		execute(db, """
				CREATE TABLE public.kinds (id bigserial PRIMARY KEY, t text, j jsonb, b bytea, n numeric(20,6),
				  ts timestamptz, u uuid, arr int[])""",
				"""
						INSERT INTO public.kinds (t, j, b, n, ts, u, arr)
						SELECT 'row ' || i || E' \\u00e9t\\u00e9 \\u2713', jsonb_build_object('i', i, 'tags', jsonb_build_array('a', i)),
						  decode(md5(i::text) || md5((i + 1)::text), 'hex'), i * 3.141593,
						  timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute 7 seconds', md5(i::text)::uuid,
						  ARRAY[i, i * 2]
						FROM generate_series(1, 5000) i""",
				"INSERT INTO public.kinds (t, b) VALUES (NULL, NULL), (E'tab\\there\\nnewline', '\\x00ff'), ('', '')",
				"CREATE SCHEMA sales",
				"CREATE TABLE sales.orders (id int PRIMARY KEY, customer text NOT NULL, total numeric(12,2), placed timestamptz)",
				"INSERT INTO sales.orders SELECT i, 'customer ' || (i % 97), i * 10.25, now() - i * interval '1 hour' "
						+ "FROM generate_series(1, 2000) i",
				"CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE total > 1000",
				"CREATE TABLE public.audit_log (id serial PRIMARY KEY, message text)",
				"INSERT INTO public.audit_log (message) SELECT 'secret audit ' || i FROM generate_series(1, 300) i",
				"CREATE TABLE public.docs (id int PRIMARY KEY, body oid)",
				"INSERT INTO public.docs SELECT i, lo_from_bytea(0, convert_to(repeat('large object ' || i || ' ', 2000), 'UTF8')) "
						+ "FROM generate_series(1, 20) i");
	}

	static synchronized TestDatabase.Coordinates mariadb() {
		if (mariadb == null) {
			TestDatabase.Coordinates db = TestDatabase.mariadb();
			execute(db, """
					CREATE TABLE kinds (id BIGINT AUTO_INCREMENT PRIMARY KEY, t TEXT, j JSON, b BLOB, n DECIMAL(20,6),
					  ts TIMESTAMP(6) NULL, dt DATETIME, u CHAR(36)) CHARACTER SET utf8mb4""",
					"""
							INSERT INTO kinds (t, j, b, n, ts, dt, u)
							SELECT CONCAT('row ', seq, ' \u00e9t\u00e9 \u2713'), JSON_OBJECT('i', seq, 'tags', JSON_ARRAY('a', seq)),
							  UNHEX(CONCAT(MD5(seq), MD5(seq + 1))), seq * 3.141593,
							  TIMESTAMP('2026-01-01 00:00:00') + INTERVAL seq MINUTE, '2026-02-03 04:05:06', UUID()
							FROM seq_1_to_5000""",
					"INSERT INTO kinds (t, b) VALUES (NULL, NULL), ('tab\there\nnewline', 0x00ff)",
					"CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100) NOT NULL, total DECIMAL(12,2))",
					"INSERT INTO orders SELECT seq, CONCAT('customer ', seq % 97), seq * 10.25 FROM seq_1_to_2000",
					"CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 1000",
					"CREATE TABLE audit_log (id INT AUTO_INCREMENT PRIMARY KEY, message TEXT)",
					"INSERT INTO audit_log (message) SELECT CONCAT('secret audit ', seq) FROM seq_1_to_300",
					"CREATE TABLE blobs (id INT PRIMARY KEY, data LONGBLOB)",
					"INSERT INTO blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_1000");
			mariadb = db;
		}
		return mariadb;
	}

	/**
	 * Per table ({@code schema.table}): row count and an order-independent checksum of
	 * every row's text; on PostgreSQL also the large objects' contents.
	 */
	static Map<String, String> contents(TestDatabase.Coordinates db) {
		Map<String, String> contents = new TreeMap<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			if (db.engine() == TestDatabase.Engine.POSTGRES) {
				List<String> tables = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables "
						+ "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
					while (rs.next()) {
						tables.add(rs.getString(1));
					}
				}
				for (String table : tables) {
					contents.put(table, single(statement, "SELECT count(*) || ':' || coalesce(sum(('x' || "
							+ "substr(md5(t::text), 1, 15))::bit(60)::bigint), 0) FROM " + table + " t"));
				}
				contents.put("large objects", single(statement,
						"SELECT count(*) || ':' || coalesce(sum(('x' || substr(md5(lo_get(oid)), 1, 15))::bit(60)::bigint), 0) "
								+ "FROM pg_largeobject_metadata"));
			}
			else {
				List<String> tables = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
						+ "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1")) {
					while (rs.next()) {
						tables.add(rs.getString(1));
					}
				}
				for (String table : tables) {
					String count = single(statement, "SELECT COUNT(*) FROM `" + table + "`");
					try (ResultSet rs = statement.executeQuery("CHECKSUM TABLE `" + table + "` EXTENDED")) {
						rs.next();
						contents.put(table, count + ":" + rs.getString(2));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return contents;
	}

	/**
	 * What the server reports about its own size: the database's bytes, and per table
	 * ({@code schema.table}; PostgreSQL's large objects as
	 * {@code pg_catalog.pg_largeobject_metadata}) its table and index bytes.
	 */
	record Sizes(long databaseBytes, Map<String, TableSize> tables) {

	}

	record TableSize(long tableBytes, long indexBytes) {

	}

	static Sizes sizes(TestDatabase.Coordinates db) {
		Map<String, TableSize> tables = new TreeMap<>();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			long databaseBytes;
			if (db.engine() == TestDatabase.Engine.POSTGRES) {
				databaseBytes = Long.parseLong(single(statement, "SELECT pg_database_size(current_database())"));
				try (ResultSet rs = statement.executeQuery("SELECT schemaname || '.' || tablename, "
						+ "pg_table_size(format('%I.%I', schemaname, tablename)), "
						+ "pg_indexes_size(format('%I.%I', schemaname, tablename)) FROM pg_tables "
						+ "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') UNION ALL "
						+ "SELECT 'pg_catalog.pg_largeobject_metadata', pg_table_size('pg_largeobject'), "
						+ "pg_indexes_size('pg_largeobject')")) {
					while (rs.next()) {
						tables.put(rs.getString(1), new TableSize(rs.getLong(2), rs.getLong(3)));
					}
				}
			}
			else {
				databaseBytes = 0;
				try (ResultSet rs = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, "
						+ "COALESCE(DATA_LENGTH, 0), COALESCE(INDEX_LENGTH, 0), TABLE_TYPE "
						+ "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
					while (rs.next()) {
						databaseBytes += rs.getLong(3) + rs.getLong(4);
						if (rs.getString(5).equals("BASE TABLE")) {
							tables.put(rs.getString(1) + "." + rs.getString(2),
									new TableSize(rs.getLong(3), rs.getLong(4)));
						}
					}
				}
			}
			return new Sizes(databaseBytes, tables);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Tables of the database ({@code schema.table} on PostgreSQL, names on MariaDB). */
	static List<String> tables(TestDatabase.Coordinates db) {
		return List.copyOf(contents(db).keySet().stream().filter((name) -> !name.equals("large objects")).toList());
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	static void execute(TestDatabase.Coordinates db, String... statements) {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Seeding " + db.name() + " failed: " + ex.getMessage(), ex);
		}
	}

}
