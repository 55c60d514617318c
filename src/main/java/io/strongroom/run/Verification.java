package io.strongroom.run;

/**
 * Whether a run's backup was proven restorable (set by the retention/verification side).
 */
public enum Verification {

	PENDING, PASSED, FAILED, SKIPPED

}
