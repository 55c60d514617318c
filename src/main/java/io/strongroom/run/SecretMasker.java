package io.strongroom.run;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.strongroom.runner.Secret;

/**
 * Replaces every known secret in a line of output with {@code ****}: each secret whole,
 * and the password inside a URL both as written and percent-decoded, because tools print
 * either.
 */
final class SecretMasker {

	static final String MASK = "****";

	private final List<String> secrets;

	private SecretMasker(List<String> secrets) {
		this.secrets = secrets;
	}

	static SecretMasker of(Collection<Secret> secrets) {
		Set<String> values = new LinkedHashSet<>();
		for (Secret secret : secrets) {
			String value = secret.value();
			values.add(value);
			passwordOf(value).forEach(values::add);
		}
		List<String> sorted = new ArrayList<>();
		for (String value : values) {
			// Very short values would mask ordinary text and cannot be told from it
			// anyway.
			if (value.length() >= 4) {
				sorted.add(value);
			}
		}
		// Longest first, so a URL is masked whole before its password is looked for.
		sorted.sort(Comparator.comparingInt(String::length).reversed());
		return new SecretMasker(List.copyOf(sorted));
	}

	String mask(String line) {
		String masked = line;
		for (String secret : this.secrets) {
			if (masked.contains(secret)) {
				masked = masked.replace(secret, MASK);
			}
		}
		return masked;
	}

	private static List<String> passwordOf(String value) {
		if (!value.contains("://") || !value.contains("@")) {
			return List.of();
		}
		try {
			String userInfo = URI.create(value.trim()).getRawUserInfo();
			if (userInfo == null || !userInfo.contains(":")) {
				return List.of();
			}
			String raw = userInfo.substring(userInfo.indexOf(':') + 1);
			return List.of(raw, URLDecoder.decode(raw, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			// Not a URL after all: the whole value is still masked.
			return List.of();
		}
	}

}
