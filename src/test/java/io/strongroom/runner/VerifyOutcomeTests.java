package io.strongroom.runner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure decisions of a verification: row counts, overall status and detail. */
class VerifyOutcomeTests {

	static final DatabaseStatistics STATISTICS = new DatabaseStatistics(0,
			List.of(new TableStatistics("public", "a", 10, 0, 0), new TableStatistics("sales", "b", 0, 0, 0),
					new TableStatistics("sales", "gone", 3, 0, 0)));

	@Test
	void rowCountsAreComparedPerTableBothWays() {
		List<RowCountComparison.Difference> differences = RowCountComparison.compare(STATISTICS,
				Map.of("public.a", 9L, "sales.b", 0L, "public.extra", 1L), false);
		assertThat(differences).containsExactly(new RowCountComparison.Difference("public.a", 10L, 9L),
				new RowCountComparison.Difference("sales.gone", 3L, null),
				new RowCountComparison.Difference("public.extra", null, 1L));
		assertThat(differences.get(0).describe()).isEqualTo("public.a has 9 rows restored, 10 in the backup");
		assertThat(differences.get(1).describe()).contains("was not restored");
	}

	@Test
	void mysqlTablesAreMatchedByNameAcrossDatabases() {
		DatabaseStatistics source = new DatabaseStatistics(0, List.of(new TableStatistics("shop", "orders", 5, 0, 0)));
		assertThat(RowCountComparison.compare(source, Map.of("strongroom_verify_1.orders", 5L), true)).isEmpty();
		assertThat(RowCountComparison.compare(source, Map.of("strongroom_verify_1.orders", 5L), false)).hasSize(2);
	}

	@Test
	void overallStatusFollowsTheContract() {
		VerifyCommand.IntegrityCheck passed = new VerifyCommand.IntegrityCheck(VerifyCommand.Status.PASSED, "x", 1, 1,
				"Checksums match.");
		VerifyCommand.IntegrityCheck failed = new VerifyCommand.IntegrityCheck(VerifyCommand.Status.FAILED, null, 1, 0,
				"Changed.");
		VerifyCommand.RestoreCheck restored = new VerifyCommand.RestoreCheck(VerifyCommand.Status.PASSED, 1, 1,
				List.of(), "Restored.");
		VerifyCommand.RestoreCheck skipped = VerifyCommand.RestoreCheck.skipped("the database is not empty.");
		VerifyCommand.RestoreCheck differs = VerifyCommand.RestoreCheck.failed("1 table differs.");
		assertThat(VerifyCommand.overall(passed, null)).isEqualTo(VerifyCommand.Status.PASSED);
		assertThat(VerifyCommand.overall(passed, restored)).isEqualTo(VerifyCommand.Status.PASSED);
		assertThat(VerifyCommand.overall(passed, skipped)).isEqualTo(VerifyCommand.Status.PASSED);
		assertThat(VerifyCommand.overall(passed, differs)).isEqualTo(VerifyCommand.Status.FAILED);
		assertThat(VerifyCommand.overall(failed, skipped)).isEqualTo(VerifyCommand.Status.FAILED);
		assertThat(VerifyCommand.detail(passed, skipped))
			.isEqualTo("Checksums match. The restore test was skipped: the database is not empty.");
		assertThat(VerifyCommand.detail(passed, differs))
			.isEqualTo("The backup is intact, but the restore test failed: 1 table differs.");
		assertThat(VerifyCommand.detail(failed, skipped)).isEqualTo("Changed.");
		Map<String, Object> result = VerifyCommand.result("v", "r", passed, null, Map.of("total", 5L));
		assertThat(result.keySet()).containsExactly("status", "verificationId", "runId", "detail", "integrity",
				"restore", "durationsMillis");
		assertThat(result.get("restore")).isNull();
	}

	@Test
	void droppingAPublicObjectUsesItsKind() {
		assertThat(VerificationDatabase.PostgresExisting.drop("r:v:public.big_orders"))
			.isEqualTo("DROP VIEW IF EXISTS public.big_orders CASCADE");
		assertThat(VerificationDatabase.PostgresExisting.drop("f:public.f(integer)"))
			.isEqualTo("DROP ROUTINE IF EXISTS public.f(integer) CASCADE");
		assertThat(VerificationDatabase.PostgresExisting.drop("t:d:public.email"))
			.isEqualTo("DROP DOMAIN IF EXISTS public.email CASCADE");
		assertThat(VerificationDatabase.PostgresExisting.drop("r:r:public.\"Mixed\""))
			.isEqualTo("DROP TABLE IF EXISTS public.\"Mixed\" CASCADE");
	}

}
