package io.strongroom.tenant;

import java.time.Duration;
import java.util.Set;

/**
 * What one plan allows. Plans come from configuration ({@link PlanCatalog}), never from
 * code, so an operator can change limits without a release.
 *
 * @param slug the plan's Heroku slug ({@code test}, {@code basic}, {@code pro})
 * @param frequencies the scheduled frequencies allowed
 * @param maxDatabases how many databases one add-on may back up
 * @param maxRetention the longest a backup may be kept
 * @param restoreTests how often backups are restored to prove they restore
 * @param maxRunDuration a run past this is cancelled
 */
public record Plan(String slug, Set<BackupFrequency> frequencies, int maxDatabases, Duration maxRetention,
		RestoreTests restoreTests, Duration maxRunDuration) {

	public boolean allows(BackupFrequency frequency) {
		return this.frequencies.contains(frequency);
	}

}
