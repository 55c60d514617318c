package io.strongroom.tenant;

/** How often scheduled backups may run; a plan allows a subset. */
public enum BackupFrequency {

	HOURLY, DAILY, WEEKLY, MONTHLY

}
