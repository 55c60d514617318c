package io.strongroom.heroku;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HerokuAttachmentTests {

	static final String APP = "6c8b9c2a-1111-2222-3333-444455556666";

	@Test
	void theNameIsTheOneOnTheAppTheDynoRunsOn() {
		List<HerokuAttachment> attachments = List.of(
				new HerokuAttachment("STRONGROOM", "other-app", "acme-worker", null),
				new HerokuAttachment("BACKUPS", APP, "acme-web", null));
		assertThat(HerokuAttachment.nameOn(attachments, APP, "STRONGROOM")).contains("BACKUPS");
		assertThat(HerokuAttachment.nameOn(attachments, "detached-app", "STRONGROOM")).isEmpty();
	}

	@Test
	void attachedTwiceToOneAppTheDefaultNameOrElseTheFirstInOrderIsTaken() {
		assertThat(HerokuAttachment.nameOn(List.of(new HerokuAttachment("ZEBRA", APP, null, null),
				new HerokuAttachment("STRONGROOM", APP, null, null)), APP, "STRONGROOM"))
			.contains("STRONGROOM");
		assertThat(HerokuAttachment.nameOn(List.of(new HerokuAttachment("ZEBRA", APP, null, null),
				new HerokuAttachment("STRONGROOM_CUBED_2", APP, null, null)), APP, "STRONGROOM"))
			.contains("STRONGROOM_CUBED_2");
	}

	@Test
	void printsNoLogInputCredential() {
		assertThat(new HerokuAttachment("BACKUPS", APP, "acme-web", "https://token:t.secret-1@1.us.logplex.io/logs"))
			.hasToString("HerokuAttachment[name=BACKUPS, appId=" + APP + ", appName=acme-web]");
	}

}
