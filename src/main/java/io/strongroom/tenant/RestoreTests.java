package io.strongroom.tenant;

/** How often a plan restores a backup into a scratch database to prove it restores. */
public enum RestoreTests {

	NONE, WEEKLY, EVERY_BACKUP

}
