/**
 * Schedules (hourly, daily, weekly, monthly in the customer's time zone) on Quartz's
 * clustered JDBC store.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.schedule;
