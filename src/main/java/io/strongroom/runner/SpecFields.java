package io.strongroom.runner;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the fields of a runner spec (backup or verify). Every mistake is a
 * {@link FailureKind#USAGE} failure that names the field and says what is allowed.
 */
final class SpecFields {

	static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

	static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

	private final String label;

	/**
	 * @param label what is read, for messages: {@code backup spec}
	 */
	SpecFields(String label) {
		this.label = label;
	}

	BackupSpec.Destination destination(JsonNode node) throws RunnerFailure {
		if (!node.isObject()) {
			throw usage("\"destination\" is required: {\"type\": \"s3\", ...} or {\"type\": \"filesystem\", ...}");
		}
		String type = text(node, "type");
		String prefix = optionalText(node, "prefix");
		prefix = normalizePrefix((prefix != null) ? prefix : "");
		switch (type) {
			case "s3" -> {
				String bucket = text(node, "bucket");
				String region = optionalText(node, "region");
				String endpoint = optionalText(node, "endpoint");
				URI endpointUri = null;
				if (endpoint != null) {
					try {
						endpointUri = URI.create(endpoint);
					}
					catch (IllegalArgumentException ex) {
						throw usage("\"destination.endpoint\" is not a URL: " + endpoint);
					}
					if (!("http".equals(endpointUri.getScheme()) || "https".equals(endpointUri.getScheme()))
							|| endpointUri.getHost() == null || endpointUri.getUserInfo() != null) {
						throw usage("\"destination.endpoint\" must be an http(s) URL without credentials, like "
								+ "https://s3.eu-west-1.amazonaws.com");
					}
				}
				JsonNode pathStyle = node.path("pathStyle");
				if (!pathStyle.isMissingNode() && !pathStyle.isBoolean()) {
					throw usage("\"destination.pathStyle\" must be true or false");
				}
				String accessKeyIdEnv = optionalText(node, "accessKeyIdEnv");
				String secretAccessKeyEnv = optionalText(node, "secretAccessKeyEnv");
				if ((accessKeyIdEnv == null) != (secretAccessKeyEnv == null)) {
					throw usage("Give both \"destination.accessKeyIdEnv\" and \"destination.secretAccessKeyEnv\", "
							+ "or neither (then the AWS default credentials are used)");
				}
				if (accessKeyIdEnv != null) {
					check(accessKeyIdEnv, ENV, "destination.accessKeyIdEnv", "an environment variable name");
					check(secretAccessKeyEnv, ENV, "destination.secretAccessKeyEnv", "an environment variable name");
				}
				return new BackupSpec.S3(bucket, (region != null) ? region : "us-east-1", endpointUri,
						pathStyle.asBoolean(false), prefix, accessKeyIdEnv, secretAccessKeyEnv);
			}
			case "filesystem" -> {
				String path = text(node, "path");
				return new BackupSpec.Filesystem(Path.of(path), prefix);
			}
			default -> throw usage("\"destination.type\" must be \"s3\" or \"filesystem\", not '" + type + "'");
		}
	}

	String normalizePrefix(String prefix) throws RunnerFailure {
		String trimmed = prefix.replaceAll("^/+|/+$", "");
		for (String segment : trimmed.split("/")) {
			if (!trimmed.isEmpty() && !NAME.matcher(segment).matches()) {
				throw usage("\"destination.prefix\" must be folder names of letters, digits, '.', '_', '-' "
						+ "separated by '/', not '" + prefix + "'");
			}
		}
		return trimmed;
	}

	String text(JsonNode node, String field) throws RunnerFailure {
		String value = optionalText(node, field);
		if (value == null || value.isBlank()) {
			throw usage("The spec needs \"" + field + "\"");
		}
		return value;
	}

	@Nullable String optionalText(JsonNode node, String field) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw usage("\"" + field + "\" must be a string");
		}
		return value.stringValue();
	}

	int integer(JsonNode node, String field, int fallback) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return fallback;
		}
		if (!value.isIntegralNumber()) {
			throw usage("\"" + field + "\" must be a whole number");
		}
		return value.asInt();
	}

	List<String> textList(JsonNode node, String field) throws RunnerFailure {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw usage("\"" + field + "\" must be a list of strings");
		}
		List<String> items = new ArrayList<>();
		for (JsonNode item : value.values()) {
			if (!item.isString() || item.stringValue().isBlank()) {
				throw usage("\"" + field + "\" must be a list of non-empty strings");
			}
			items.add(item.stringValue());
		}
		return List.copyOf(items);
	}

	String check(String value, Pattern pattern, String field, String allowed) throws RunnerFailure {
		if (!pattern.matcher(value).matches()) {
			throw usage("\"" + field + "\" must be " + allowed + ", not '" + value + "'");
		}
		return value;
	}

	RunnerFailure usage(String message) {
		return new RunnerFailure(FailureKind.USAGE, "Bad " + this.label + ": " + message);
	}

}
