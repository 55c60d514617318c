package io.strongroom.target;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Test connection" leaves out what the runner leaves out, by the same rules. */
class DumpScopeTests {

	@Test
	void excludedTablesAreLeftOutByExactName() {
		DumpScope scope = DumpScope.of(List.of("public.audit_log", "billing.Invoices"), Map.of());
		assertThat(scope.dumps("public", "audit_log")).isFalse();
		assertThat(scope.dumps("billing", "Invoices")).isFalse();
		assertThat(scope.dumps("billing", "invoices")).as("names are case-sensitive").isTrue();
		assertThat(scope.dumps("public", "audit_log_2024")).isTrue();
		assertThat(scope.dumps("other", "audit_log")).isTrue();
	}

	@Test
	void herokuExtIsLeftOutUnlessTheOptionKeepsIt() {
		assertThat(DumpScope.DEFAULT.dumpsSchema("heroku_ext")).isFalse();
		assertThat(DumpScope.DEFAULT.dumpsSchema("public")).isTrue();
		assertThat(DumpScope.of(List.of(), Map.of("includeHerokuExt", true)).dumpsSchema("heroku_ext")).isTrue();
	}

	@Test
	void excludedSchemasLeaveOutEverythingInThem() {
		DumpScope scope = DumpScope.of(List.of(), Map.of("excludeSchemas", List.of("scratch")));
		assertThat(scope.dumpsSchema("scratch")).isFalse();
		assertThat(scope.dumps("scratch", "anything")).isFalse();
		assertThat(scope.dumps("public", "anything")).isTrue();
		assertThat(scope.dumpsSchema("heroku_ext")).isFalse();
	}

	@Test
	void mysqlExclusionsNameTheUrlsDatabaseAsTheSchema() {
		DumpScope scope = DumpScope.of(List.of("shop.sessions"), Map.of());
		assertThat(scope.excludesTable("shop", "sessions")).isTrue();
		assertThat(scope.excludesTable("shop", "orders")).isFalse();
		assertThat(scope.excludesTable("heroku_ext", "orders")).as("schema options are PostgreSQL's").isFalse();
	}

}
