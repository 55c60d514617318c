package io.strongroom.support;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordPostgresTests {

	@Test
	void refusesAWrongPasswordAndFollowsAChangedOne() throws SQLException {
		TestDatabase.Coordinates db = PasswordPostgres.create();
		try (var connection = db.connect()) {
			assertThat(connection.isValid(5)).isTrue();
		}
		TestDatabase.Coordinates changed = PasswordPostgres.changePassword(db, "n3w-pass'word");
		assertThatExceptionOfType(SQLException.class).isThrownBy(db::connect)
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		try (var connection = changed.connect()) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

}
