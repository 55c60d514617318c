package io.strongroom.target;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * heroku-addon.md §5.1: the attachment's name takes the place of the manifest's prefix.
 */
class AppConfigVarsTests {

	@Test
	void theAttachmentNameReplacesThePrefixOfEveryConfigVarStrongroomWrites() {
		AppConfigVars backups = new AppConfigVars("BACKUPS");
		assertThat(backups.name("STRONGROOM_DATABASE_URL")).isEqualTo("BACKUPS_DATABASE_URL");
		assertThat(backups.name(new DatabaseLabel("PURPLE").urlEnvironmentVariable()))
			.isEqualTo("BACKUPS_PURPLE_DATABASE_URL");
		assertThat(backups.name(DatabaseLabel.DEFAULT.verificationUrlEnvironmentVariable()))
			.isEqualTo("BACKUPS_VERIFY_DATABASE_URL");
		assertThat(backups.name(RunnerEnvironment.ENCRYPTION_KEY)).isEqualTo("BACKUPS_ENCRYPTION_KEY");
		assertThat(backups.name(RunnerEnvironment.AWS_SECRET_ACCESS_KEY)).isEqualTo("BACKUPS_AWS_SECRET_ACCESS_KEY");
	}

	@Test
	void namesThatAreNoConfigVarOfTheAddOnAndUnknownAttachmentsKeepTheDeclaredName() {
		assertThat(new AppConfigVars("BACKUPS").name("STRONGROOM_VERIFY_SCRATCH_URL"))
			.isEqualTo("STRONGROOM_VERIFY_SCRATCH_URL");
		assertThat(new AppConfigVars("BACKUPS").name("STRONGROOM_RUN_TICKET")).isEqualTo("STRONGROOM_RUN_TICKET");
		assertThat(AppConfigVars.AS_DECLARED.name("STRONGROOM_DATABASE_URL")).isEqualTo("STRONGROOM_DATABASE_URL");
		assertThat(new AppConfigVars("STRONGROOM").name("STRONGROOM_DATABASE_URL"))
			.isEqualTo("STRONGROOM_DATABASE_URL");
	}

}
