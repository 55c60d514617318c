package io.strongroom.target;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.schedule.ScheduleFields;

/**
 * A database as anybody may read it: the URL masked, never a password.
 *
 * @param urlConfigVar the customer's config var that holds the URL (Heroku mode), or
 * {@code null} when Strongroom keeps it encrypted
 * @param paused why scheduled backups of this database are paused (it is beyond the
 * plan's number of databases), or {@code null} when they run
 */
public record DatabaseView(TargetId id, DatabaseLabel label, String engine, String url, @Nullable String urlConfigVar,
		@Nullable String verificationUrl, ScheduleFields schedule, List<String> excludeTables,
		Map<String, Object> options, @Nullable Map<String, Object> retention, Instant createdAt, Instant updatedAt,
		@Nullable String paused) {

}
