package io.strongroom.heroku.dev;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevHarnessControllerTests {

	@Test
	void loopbackIsThisMachineOnly() {
		assertThat(DevHarnessController.isLoopback("127.0.0.1")).isTrue();
		assertThat(DevHarnessController.isLoopback("127.8.9.10")).isTrue();
		assertThat(DevHarnessController.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(DevHarnessController.isLoopback("::1")).isTrue();
		assertThat(DevHarnessController.isLoopback("10.0.0.7")).isFalse();
		assertThat(DevHarnessController.isLoopback("192.168.1.20")).isFalse();
		assertThat(DevHarnessController.isLoopback("203.0.113.9")).isFalse();
		assertThat(DevHarnessController.isLoopback("")).isFalse();
		assertThat(DevHarnessController.isLoopback("localhost")).isFalse();
	}

	@Test
	void sampleAppNamesAreValidHerokuAppNames() {
		String app = DevHarnessController.appName(UUID.fromString("a71e49bb-b63d-49b8-9a8f-4e23cbd728ed"));
		assertThat(app).isEqualTo("sample-app-a71e49").matches("[a-z][a-z0-9-]{2,29}");
	}

	@Test
	void devUsersKeepTheirIdsAcrossRestarts() {
		// Golden values: a returning owner must still be the same Heroku user, and admin.
		assertThat(DevHarnessController.USERS.get("owner").id()).isEqualTo("2e4d8f9d-4c33-3949-9c95-5899462d2135");
		assertThat(DevHarnessController.USERS.get("collaborator").id())
			.isNotEqualTo(DevHarnessController.USERS.get("owner").id());
	}

}
