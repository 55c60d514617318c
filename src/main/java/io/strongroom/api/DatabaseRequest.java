package io.strongroom.api;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.Secret;
import io.strongroom.schedule.ScheduleFields;
import io.strongroom.target.DatabaseSettings;

/**
 * {@code PUT /api/v1/databases/{label}}. {@code url} and {@code verificationUrl} are
 * write-only; leave them out to keep the saved ones ({@code url} is required for a new
 * database), send {@code "verificationUrl": ""} to remove it.
 */
record DatabaseRequest(@Nullable String url, @Nullable ScheduleFields schedule, @Nullable List<String> excludeTables,
		@Nullable Map<String, Object> options, @Nullable Map<String, Object> retention,
		@Nullable String verificationUrl) {

	DatabaseSettings toSettings() {
		return new DatabaseSettings((this.url != null) ? new Secret(this.url) : null, this.schedule, this.excludeTables,
				this.options, this.retention, (this.verificationUrl != null) ? new Secret(this.verificationUrl) : null);
	}

	@Override
	public String toString() {
		return "DatabaseRequest[schedule=" + this.schedule + ", excludeTables=" + this.excludeTables + "]";
	}

}
