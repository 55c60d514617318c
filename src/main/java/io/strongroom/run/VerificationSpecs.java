package io.strongroom.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.strongroom.target.AppConfigVars;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.RunnerEnvironment;

/**
 * The verify spec a runner fetches (version 1; docs/runner-spec.md, "verify"): what the
 * backup run recorded (object, manifest, checksums, statistics) and names of environment
 * variables, never their values (in Heroku mode as the config vars are named on the
 * customer's app).
 */
final class VerificationSpecs {

	private VerificationSpecs() {
	}

	static Map<String, Object> spec(BackupVerification verification, BackupRun run, DestinationAccess destination,
			AppConfigVars configVars, @Nullable Map<String, Object> statistics, RunProperties properties) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("version", 1);
		spec.put("verificationId", verification.id().toString());
		spec.put("runId", run.id().toString());
		spec.put("engine", Objects.requireNonNull(run.engine()));
		spec.put("compression", Objects.requireNonNull(run.compression()));
		spec.put("objectKey", Objects.requireNonNull(run.objectKey()));
		spec.put("manifestKey", Objects.requireNonNull(run.manifestKey()));
		spec.put("sha256", Objects.requireNonNull(run.sha256()));
		spec.put("hmacSha256", Objects.requireNonNull(run.hmacSha256()));
		spec.put("encryptionKeyEnv", configVars.name(RunnerEnvironment.ENCRYPTION_KEY));
		spec.put("destination", RunSpecs.destination(destination, configVars));
		spec.put("restoreTest", restoreTest(verification, configVars));
		spec.put("statistics", (statistics != null) ? statistics : Map.of());
		if (!properties.clientDirectories().isEmpty()) {
			spec.put("clientDirectories", List.copyOf(properties.clientDirectories()));
		}
		return spec;
	}

	private static @Nullable Map<String, Object> restoreTest(BackupVerification verification,
			AppConfigVars configVars) {
		RestoreTestPlan.Mode mode = verification.restoreMode();
		if (mode == null || mode == RestoreTestPlan.Mode.NONE) {
			return null;
		}
		Map<String, Object> restore = new LinkedHashMap<>();
		restore.put("databaseUrlEnv",
				(mode == RestoreTestPlan.Mode.EXISTING)
						? configVars.name(verification.databaseLabel().verificationUrlEnvironmentVariable())
						: VerificationProperties.SCRATCH_URL_ENV);
		restore.put("mode", (mode == RestoreTestPlan.Mode.EXISTING) ? "existing" : "create");
		return restore;
	}

}
