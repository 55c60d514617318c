package io.strongroom.api;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.strongroom.retention.Retention;
import io.strongroom.retention.RetentionPlan;
import io.strongroom.retention.StatisticsChange;
import io.strongroom.run.RunStatistics;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.InvalidSettingsException;
import io.strongroom.target.Targets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What retention would delete and why, and the database's statistics history. */
@RestController
@RequestMapping(path = "/api/v1/databases/{label}", produces = MediaType.APPLICATION_JSON_VALUE)
class RetentionController {

	/** The longest statistics range one request may ask for. */
	static final Duration MAX_STATISTICS_RANGE = Duration.ofDays(400);

	/** The range when {@code from} is left out. */
	static final Duration DEFAULT_STATISTICS_RANGE = Duration.ofDays(30);

	private final Targets targets;

	private final Retention retention;

	private final RunStatistics statistics;

	private final Clock clock;

	RetentionController(Targets targets, Retention retention, RunStatistics statistics, ObjectProvider<Clock> clock) {
		this.targets = targets;
		this.retention = retention;
		this.statistics = statistics;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * What the policy in force would delete now and why, and what it keeps and why.
	 * Deletes nothing.
	 */
	@GetMapping("/retention-preview")
	RetentionPreviewResponse preview(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label) {
		DatabaseLabel database = database(tenant, label);
		RetentionPlan plan = this.retention.preview(tenant.id(), database.value());
		return RetentionPreviewResponse.of(database, plan);
	}

	/**
	 * Each backup that finished from {@code from} (inclusive) to {@code to} (exclusive)
	 * with its statistics and the change since the backup before. {@code from} defaults
	 * to 30 days before {@code to}, {@code to} to now; both are ISO-8601 instants
	 * ({@code 2026-11-20T00:00:00Z}, an offset is fine) or dates ({@code 2026-11-20},
	 * midnight UTC).
	 */
	@GetMapping("/statistics")
	StatisticsResponse statistics(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		DatabaseLabel database = database(tenant, label);
		// "now" is inclusive: a backup that finished this instant is in the answer
		Instant end = (to != null && !to.isBlank()) ? instant("to", to) : this.clock.instant().plusMillis(1);
		Instant start = (from != null && !from.isBlank()) ? instant("from", from) : end.minus(DEFAULT_STATISTICS_RANGE);
		if (!start.isBefore(end)) {
			throw new InvalidSettingsException("from", "from must be before to");
		}
		if (Duration.between(start, end).compareTo(MAX_STATISTICS_RANGE) > 0) {
			throw new InvalidSettingsException("from", "from and to may be at most " + MAX_STATISTICS_RANGE.toDays()
					+ " days apart; ask for a longer history in several requests");
		}
		List<StatisticsChange> history = this.statistics.history(tenant.id(), database, start, end);
		return StatisticsResponse.of(database, start, end, history);
	}

	private DatabaseLabel database(ApiTenant tenant, String label) {
		DatabaseLabel database = DatabasesController.existing(label);
		if (this.targets.database(tenant.id(), database).isEmpty()) {
			throw DatabasesController.notFound(label);
		}
		return database;
	}

	static Instant instant(String field, String value) {
		String text = value.trim();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			throw new InvalidSettingsException(field, field
					+ " must be an ISO-8601 instant such as 2026-11-20T00:00:00Z, or a date such as 2026-11-20 (UTC)");
		}
	}

}
