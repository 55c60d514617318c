package io.strongroom.heroku;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration also runs on the embedded default's H2 (PostgreSQL mode), and the
 * provisioning table's claim query works there.
 */
class HerokuMigrationsOnH2Tests {

	@Test
	void migrationsRunOnTheEmbeddedDatabase() throws Exception {
		String url = "jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			UUID tenant = UUID.randomUUID();
			connection.createStatement()
				.execute("insert into tenant (id, name, plan, region, state, created_at) values ('" + tenant
						+ "', 'n', 'test', 'us', 'PROVISIONED', current_timestamp)");
			connection.createStatement()
				.execute("insert into heroku_provisioning (tenant_id, async_provisioning, step, state, next_attempt_at,"
						+ " deadline, created_at, updated_at) values ('" + tenant
						+ "', true, 'EXCHANGE_GRANT', 'PENDING', current_timestamp, current_timestamp, current_timestamp,"
						+ " current_timestamp)");
			int claimed = connection.createStatement()
				.executeUpdate(
						"update heroku_provisioning set locked_by = 'w', version = version + 1 where tenant_id = '"
								+ tenant + "' and (locked_until is null or locked_until < current_timestamp)");
			assertThat(claimed).isEqualTo(1);
			try (ResultSet tokens = connection.createStatement()
				.executeQuery("select count(*) from heroku_oauth_token")) {
				assertThat(tokens.next()).isTrue();
				assertThat(tokens.getInt(1)).isZero();
			}
		}
	}

}
