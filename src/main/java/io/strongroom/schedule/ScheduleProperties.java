package io.strongroom.schedule;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the slot dispatcher ({@code strongroom.schedule.*}).
 *
 * @param dispatchInterval how often each dispatcher shard looks for due slots: the
 * longest a slot waits in normal operation
 * @param shards how many dispatcher jobs split the schedules between them; Quartz hands
 * each to one web process at a time, so up to this many processes share the work
 * @param batchSize how many due schedules one transaction claims and publishes
 * @param retryFailedEvery how often failed {@link BackupSlotsDue} deliveries are
 * resubmitted (also the minimum age of a failure before it is retried)
 * @param maxDeliveryAttempts resubmissions of one failed delivery before it is left for
 * an operator
 * @param keepCompletedEvents how long completed event publications (every module's) stay
 * in {@code event_publication} before the hourly purge deletes them
 */
@Validated
@ConfigurationProperties("strongroom.schedule")
record ScheduleProperties(@DefaultValue("5s") @NotNull Duration dispatchInterval,
		@DefaultValue("4") @Min(1) @Max(64) int shards, @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
		@DefaultValue("1m") @NotNull Duration retryFailedEvery, @DefaultValue("5") @Min(0) int maxDeliveryAttempts,
		@DefaultValue("7d") @NotNull @DurationMin(minutes = 1) Duration keepCompletedEvents) {

}
