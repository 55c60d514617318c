package io.strongroom.target;

import java.util.Map;

import io.strongroom.runner.DumpOptions;
import io.strongroom.runner.Engine;

/**
 * Checks dump options against the engine's whitelist (the runner's {@link DumpOptions})
 * before they are saved, so a bad option is refused when a person types it, not at 3 a.m.
 * when the backup runs.
 */
final class DumpOptionsCheck {

	private DumpOptionsCheck() {
	}

	/**
	 * @return the options as they will be stored (normalized: durations in ms, sizes in
	 * bytes)
	 * @throws InvalidSettingsException naming the option and what is allowed
	 */
	static Map<String, Object> check(Engine engine, Map<String, Object> options) {
		try {
			return DumpOptions.parse(engine, options).asMap();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingsException("options", ex.getMessage());
		}
	}

}
