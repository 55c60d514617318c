package io.strongroom.heroku.sso;

import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fields of Heroku's SSO form ({@code heroku-addon.md} §3.2), checked for shape. A
 * form that cannot be a Heroku sign-in is refused here with a message a person can act
 * on, before any token or database is looked at.
 *
 * @param resourceId the add-on's uuid
 * @param timestamp Unix seconds exactly as posted (the tokens hash this text)
 * @param epochSecond the timestamp as a number
 * @param resourceToken the SHA-1 token, if sent
 * @param userScopedResourceToken the SHA-256 token, if sent (preferred)
 * @param userId the Heroku user's id, how users are told apart
 * @param email the Heroku user's email, which may change
 * @param app the billing app's name, if sent
 * @param contextApp the app the user came from, if sent
 */
record SsoRequest(String resourceId, String timestamp, long epochSecond, @Nullable String resourceToken,
		@Nullable String userScopedResourceToken, String userId, String email, @Nullable String app,
		@Nullable String contextApp) {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

	private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	/** Visible ASCII, no spaces: Heroku user ids. */
	private static final Pattern TOKEN_TEXT = Pattern.compile("[\\x21-\\x7E]+");

	/** Heroku app names are lowercase letters, digits and dashes; a little leeway. */
	private static final Pattern APP_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

	private static final String HOW = "Open Strongroom from the Heroku dashboard or with `heroku addons:open strongroom`.";

	UUID resourceUuid() {
		return UUID.fromString(this.resourceId);
	}

	/**
	 * Reads and checks the form.
	 * @param parameters the values posted under a name (as
	 * {@code ServletRequest.getParameterValues})
	 * @return the checked request
	 * @throws InvalidSsoRequestException when a field is missing, repeated or malformed
	 */
	static SsoRequest parse(Function<String, String @Nullable []> parameters) {
		String resourceId = required(parameters, "resource_id", 36);
		if (!UUID_SHAPE.matcher(resourceId).matches()) {
			throw new InvalidSsoRequestException("resource_id must be the add-on's UUID. " + HOW);
		}
		String timestamp = required(parameters, "timestamp", 12);
		if (!SECONDS.matcher(timestamp).matches()) {
			throw new InvalidSsoRequestException("timestamp must be Unix time in seconds. " + HOW);
		}
		String resourceToken = optional(parameters, "resource_token", 40);
		if (resourceToken != null && !SHA1_HEX.matcher(resourceToken).matches()) {
			throw new InvalidSsoRequestException("resource_token must be a hex SHA-1 digest (40 characters). " + HOW);
		}
		String userScoped = optional(parameters, "user_scoped_resource_token", 64);
		if (userScoped != null && !SHA256_HEX.matcher(userScoped).matches()) {
			throw new InvalidSsoRequestException(
					"user_scoped_resource_token must be a hex SHA-256 digest (64 characters). " + HOW);
		}
		if (resourceToken == null && userScoped == null) {
			throw new InvalidSsoRequestException(
					"The sign-in carries no token (resource_token or user_scoped_resource_token). " + HOW);
		}
		String userId = required(parameters, "user_id", 64);
		if (!TOKEN_TEXT.matcher(userId).matches()) {
			throw new InvalidSsoRequestException("user_id must be the Heroku user's id. " + HOW);
		}
		String email = required(parameters, "email", 320);
		if (email.indexOf('@') < 1 || email.chars().anyMatch((c) -> c < 0x20 || c == 0x7F)) {
			throw new InvalidSsoRequestException("email must be the Heroku user's email address. " + HOW);
		}
		String app = optionalName(parameters, "app");
		String contextApp = optionalName(parameters, "context_app");
		return new SsoRequest(resourceId, timestamp, Long.parseLong(timestamp), resourceToken, userScoped, userId,
				email, app, contextApp);
	}

	private static String required(Function<String, String @Nullable []> parameters, String name, int maxLength) {
		String value = optional(parameters, name, maxLength);
		if (value == null) {
			throw new InvalidSsoRequestException(name
					+ " is missing. Heroku posts the sign-in as a form (application/x-www-form-urlencoded). " + HOW);
		}
		return value;
	}

	private static @Nullable String optionalName(Function<String, String @Nullable []> parameters, String name) {
		String value = optional(parameters, name, 100);
		if (value != null && !APP_NAME.matcher(value).matches()) {
			throw new InvalidSsoRequestException(name + " must be a Heroku app name. " + HOW);
		}
		return value;
	}

	private static @Nullable String optional(Function<String, String @Nullable []> parameters, String name,
			int maxLength) {
		String[] values = parameters.apply(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			throw new InvalidSsoRequestException(name + " is sent more than once. " + HOW);
		}
		String value = values[0].strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > maxLength) {
			throw new InvalidSsoRequestException(name + " is longer than " + maxLength + " characters. " + HOW);
		}
		return value;
	}

}
