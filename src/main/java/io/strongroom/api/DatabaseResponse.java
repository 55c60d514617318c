package io.strongroom.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.schedule.ScheduleFields;
import io.strongroom.target.DatabaseView;

/**
 * A database as the API shows it: the URL masked ({@code postgres://user:****@host/db});
 * in Heroku mode {@code urlConfigVar} names the config var that holds it; {@code paused}
 * says why its scheduled backups do not run (beyond the plan's number of databases).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DatabaseResponse(String label, String engine, String url, @Nullable String urlConfigVar,
		@Nullable String verificationUrl, ScheduleFields schedule, List<String> excludeTables,
		Map<String, Object> options, @Nullable Map<String, Object> retention, Instant createdAt, Instant updatedAt,
		@Nullable String paused) {

	/**
	 * @param retention the retention settings in force (stored, or the plan's defaults),
	 * as {@code RetentionFields.render} shows them
	 */
	static DatabaseResponse of(DatabaseView view, Map<String, Object> retention) {
		return new DatabaseResponse(view.label().value(), view.engine(), view.url(), view.urlConfigVar(),
				view.verificationUrl(), view.schedule(), view.excludeTables(), view.options(), retention,
				view.createdAt(), view.updatedAt(), view.paused());
	}

}
