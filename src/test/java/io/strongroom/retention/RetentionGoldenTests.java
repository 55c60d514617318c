package io.strongroom.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each policy applied to {@link Histories#fixed()} must give the plan in
 * {@code src/test/resources/retention/<name>.txt}. After a deliberate change, refresh the
 * files with
 * {@code ./mvnw test -Dtest=RetentionGoldenTests -Dretention.golden.update=true} and
 * review the diff (restic's {@code -update}).
 */
class RetentionGoldenTests {

	static final Path GOLDEN = Path.of("src/test/resources/retention");

	static final ZoneId UTC = ZoneId.of("UTC");

	static Stream<Arguments> policies() {
		RetentionPolicy empty = RetentionPolicy.empty();
		RetentionLimits pro = Histories.PRO;
		RetentionLimits basic = Histories.BASIC;
		return Stream.of(Arguments.of("empty", empty, UTC, pro),
				Arguments.of("older-than-1d", RetentionPolicy.olderThan(Duration.ofDays(1)), UTC, pro),
				Arguments.of("older-than-1w", RetentionPolicy.olderThan(Duration.ofDays(7)), UTC, pro),
				Arguments.of("last-5", empty.withKeepLast(5), UTC, pro),
				Arguments.of("hourly-6", empty.withKeepHourly(6), UTC, pro),
				Arguments.of("daily-3", empty.withKeepDaily(3), UTC, pro),
				Arguments.of("daily-3-los-angeles", empty.withKeepDaily(3), ZoneId.of("America/Los_Angeles"), pro),
				Arguments.of("weekly-4", empty.withKeepWeekly(4), UTC, pro),
				Arguments.of("monthly-12", empty.withKeepMonthly(12), UTC, pro),
				Arguments.of("yearly-2", empty.withKeepYearly(2), UTC, pro),
				Arguments.of("autobus", RetentionPolicy.autobusDefaults(), UTC, pro),
				Arguments.of("autobus-auckland", RetentionPolicy.autobusDefaults(), ZoneId.of("Pacific/Auckland"), pro),
				Arguments.of("within-2d-monthly-6", empty.withKeepWithin(Duration.ofDays(2)).withKeepMonthly(6), UTC,
						pro),
				// the plan's bound: the most basic allows, on weekly and daily backups
				Arguments.of("basic-empty", empty, UTC, basic),
				Arguments.of("basic-last-2208", empty.withKeepLast(2208), UTC, basic),
				Arguments.of("basic-daily-92", empty.withKeepDaily(92), UTC, basic),
				Arguments.of("basic-autobus", RetentionPolicy.autobusDefaults().clampTo(basic).policy(), UTC, basic));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("policies")
	void planMatchesGoldenFile(String name, RetentionPolicy policy, ZoneId zone, RetentionLimits limits)
			throws IOException {
		String actual = render(policy.apply(Histories.fixed(), zone, limits), limits);
		Path file = GOLDEN.resolve(name + ".txt");
		if (Boolean.getBoolean("retention.golden.update")) {
			Files.createDirectories(GOLDEN);
			Files.writeString(file, actual, StandardCharsets.UTF_8);
		}
		assertThat(file).as("golden file (refresh with -Dretention.golden.update=true)").exists();
		assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
	}

	static String render(RetentionPlan plan, RetentionLimits limits) {
		StringBuilder out = new StringBuilder();
		out.append("# policy: ").append(plan.policy().describe()).append('\n');
		out.append("# plan max-retention: ").append(Durations.format(limits.maxRetention())).append('\n');
		out.append("# zone: ").append(plan.zone()).append('\n');
		out.append("# keep ").append(plan.keep().size()).append(", remove ").append(plan.remove().size()).append('\n');
		for (RetentionPlan.Entry entry : plan.entries()) {
			BackupRecord backup = entry.backup();
			out.append(String.format(Locale.ROOT, "%-20s %-9s %-8s %-6s %s%n", backup.finishedAt(),
					backup.origin().name().toLowerCase(Locale.ROOT),
					backup.verification().name().toLowerCase(Locale.ROOT),
					entry.action().name().toLowerCase(Locale.ROOT), entry.reasonText()));
		}
		return out.toString();
	}

	static List<String> names() {
		return policies().map((arguments) -> (String) arguments.get()[0]).toList();
	}

}
