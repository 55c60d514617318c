package io.strongroom.heroku.sso;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SsoRequestTests {

	static Map<String, String[]> validForm() {
		Map<String, String[]> form = new HashMap<>();
		form.put("resource_id", new String[] { "01234567-89ab-cdef-0123-456789abcdef" });
		form.put("timestamp", new String[] { "1800000000" });
		form.put("resource_token", new String[] { "a".repeat(40) });
		form.put("user_scoped_resource_token", new String[] { "b".repeat(64) });
		form.put("user_id", new String[] { "5a1e0a7e-0000-4000-8000-000000000001" });
		form.put("email", new String[] { "user@example.com" });
		form.put("app", new String[] { "my-app" });
		form.put("context_app", new String[] { "my-other-app" });
		return form;
	}

	@Test
	void readsAllFields() {
		SsoRequest request = SsoRequest.parse(validForm()::get);
		assertThat(request.resourceId()).isEqualTo("01234567-89ab-cdef-0123-456789abcdef");
		assertThat(request.epochSecond()).isEqualTo(1_800_000_000L);
		assertThat(request.timestamp()).isEqualTo("1800000000");
		assertThat(request.userId()).isEqualTo("5a1e0a7e-0000-4000-8000-000000000001");
		assertThat(request.email()).isEqualTo("user@example.com");
		assertThat(request.app()).isEqualTo("my-app");
		assertThat(request.contextApp()).isEqualTo("my-other-app");
	}

	@Test
	void appsAreOptional() {
		Map<String, String[]> form = validForm();
		form.remove("app");
		form.put("context_app", new String[] { "" });
		SsoRequest request = SsoRequest.parse(form::get);
		assertThat(request.app()).isNull();
		assertThat(request.contextApp()).isNull();
	}

	@Test
	void eitherTokenIsEnough() {
		Map<String, String[]> onlySha1 = validForm();
		onlySha1.remove("user_scoped_resource_token");
		assertThat(SsoRequest.parse(onlySha1::get).userScopedResourceToken()).isNull();
		Map<String, String[]> onlySha256 = validForm();
		onlySha256.remove("resource_token");
		assertThat(SsoRequest.parse(onlySha256::get).resourceToken()).isNull();
	}

	@Test
	void namesEachMissingField() {
		for (String field : new String[] { "resource_id", "timestamp", "user_id", "email" }) {
			Map<String, String[]> form = validForm();
			form.remove(field);
			assertThatExceptionOfType(InvalidSsoRequestException.class).isThrownBy(() -> SsoRequest.parse(form::get))
				.withMessageStartingWith(field + " is missing");
		}
	}

	@Test
	void refusesAFormWithoutAnyToken() {
		Map<String, String[]> form = validForm();
		form.remove("resource_token");
		form.put("user_scoped_resource_token", new String[] { " " });
		assertThatExceptionOfType(InvalidSsoRequestException.class).isThrownBy(() -> SsoRequest.parse(form::get))
			.withMessageContaining("carries no token");
	}

	@Test
	void refusesMalformedValues() {
		assertRefused("resource_id", "not-a-uuid", "resource_id must be the add-on's UUID");
		assertRefused("timestamp", "1.8e9", "timestamp must be Unix time in seconds");
		assertRefused("timestamp", "-5", "timestamp must be Unix time in seconds");
		assertRefused("timestamp", "1".repeat(13), "timestamp is longer than 12 characters");
		assertRefused("resource_token", "z".repeat(40), "resource_token must be a hex SHA-1 digest");
		assertRefused("resource_token", "a".repeat(39), "resource_token must be a hex SHA-1 digest");
		assertRefused("user_scoped_resource_token", "a".repeat(63), "user_scoped_resource_token must be a hex");
		assertRefused("user_id", "two words", "user_id must be the Heroku user's id");
		assertRefused("email", "no-at-sign", "email must be the Heroku user's email address");
		assertRefused("email", "a@b\u0000c", "email must be the Heroku user's email address");
		assertRefused("app", "<script>", "app must be a Heroku app name");
	}

	@Test
	void refusesHugeValuesWithoutEchoingThem() {
		String huge = "x".repeat(100_000);
		assertThatExceptionOfType(InvalidSsoRequestException.class).isThrownBy(() -> {
			Map<String, String[]> form = validForm();
			form.put("email", new String[] { huge + "@example.com" });
			SsoRequest.parse(form::get);
		}).withMessageStartingWith("email is longer than 320 characters").withMessageNotContaining("xxxx");
	}

	@Test
	void refusesARepeatedField() {
		Map<String, String[]> form = validForm();
		form.put("resource_id",
				new String[] { "01234567-89ab-cdef-0123-456789abcdef", "11111111-89ab-cdef-0123-456789abcdef" });
		assertThatExceptionOfType(InvalidSsoRequestException.class).isThrownBy(() -> SsoRequest.parse(form::get))
			.withMessageStartingWith("resource_id is sent more than once");
	}

	static void assertRefused(String field, String value, String message) {
		Map<String, String[]> form = validForm();
		form.put(field, new String[] { value });
		assertThatExceptionOfType(InvalidSsoRequestException.class).isThrownBy(() -> SsoRequest.parse(form::get))
			.withMessageStartingWith(message)
			.withMessageNotContaining(value.length() > 3 ? value : "\u0000\u0000");
	}

}
