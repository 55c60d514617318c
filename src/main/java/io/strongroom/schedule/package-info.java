/**
 * Schedules (hourly, daily, weekly, monthly in the customer's time zone, or manual) and
 * the dispatcher that publishes each due slot once, in batches as
 * {@link io.strongroom.schedule.BackupSlotsDue} events, on Quartz's clustered JDBC store
 * (design: {@code docs/schedules.md}).
 * <p>
 * API: {@link io.strongroom.schedule.Schedules},
 * {@link io.strongroom.schedule.ScheduleSpec} (a pure model: slots across daylight-saving
 * changes, plan clamping), {@link io.strongroom.schedule.ScheduleFields} (the JSON form,
 * with validation), {@link io.strongroom.schedule.BackupSlotsDue} and its element
 * {@link io.strongroom.schedule.BackupSlotDue}. It listens to the tenant module's
 * deprovisioning and plan changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenant")
@org.jspecify.annotations.NullMarked
package io.strongroom.schedule;
