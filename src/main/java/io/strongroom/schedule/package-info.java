/**
 * Schedules (hourly, daily, weekly, monthly in the customer's time zone, or manual) and
 * the dispatcher that turns each due slot into one
 * {@link io.strongroom.schedule.BackupSlotDue} event, on Quartz's clustered JDBC store
 * (design: {@code docs/schedules.md}).
 * <p>
 * API: {@link io.strongroom.schedule.Schedules},
 * {@link io.strongroom.schedule.ScheduleSpec} (a pure model: slots across daylight-saving
 * changes, plan clamping), {@link io.strongroom.schedule.ScheduleFields} (the JSON form,
 * with validation) and {@link io.strongroom.schedule.BackupSlotDue}. It listens to the
 * tenant module's deprovisioning and plan changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenant")
@org.jspecify.annotations.NullMarked
package io.strongroom.schedule;
