package io.strongroom.target;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;
import io.strongroom.schedule.ScheduleFields;

/**
 * A database's settings as saved (PUT semantics: every setting is replaced). Secrets are
 * write-only, so an absent {@code url} or {@code verificationUrl} keeps the saved one; an
 * empty {@code verificationUrl} removes it.
 *
 * @param url the connection URL; required when the database is new
 * @param schedule when to back up; {@code null} means manual only
 * @param excludeTables {@code schema.table} names (patterns as the dump tool takes them)
 * @param options dump options for the engine, checked against its whitelist
 * @param retention retention settings, kept for the retention module
 * @param verificationUrl a scratch database that restore tests may overwrite
 */
public record DatabaseSettings(@Nullable Secret url, @Nullable ScheduleFields schedule,
		@Nullable List<String> excludeTables, @Nullable Map<String, Object> options,
		@Nullable Map<String, Object> retention, @Nullable Secret verificationUrl) {

}
