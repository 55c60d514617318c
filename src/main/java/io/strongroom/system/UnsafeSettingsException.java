package io.strongroom.system;

import java.util.List;

/**
 * Strongroom refuses to start: the listed settings are missing or unsafe. Each entry
 * names a setting and says how to fix it; none contains a value.
 */
class UnsafeSettingsException extends IllegalStateException {

	private final List<String> problems;

	UnsafeSettingsException(List<String> problems) {
		super("Strongroom refuses to start under the heroku profile:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
