package io.strongroom.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the start-up check's findings as Boot's "APPLICATION FAILED TO START" report.
 */
class UnsafeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set each named environment variable to a real value (README, \"Configuration\"), then restart.",
				cause);
	}

}
