package io.strongroom.runner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.strongroom.storage.StorageException;

/**
 * Turns whatever stopped a run into a {@link RunnerFailure} a person can act on, and
 * keeps secrets out of its message.
 */
final class Failures {

	private final List<String> secrets = new ArrayList<>();

	/** A value that must never appear in a message (at least 4 characters). */
	void secret(String value) {
		if (value.length() >= 4) {
			this.secrets.add(value);
			this.secrets.sort(Comparator.comparingInt(String::length).reversed());
		}
	}

	String mask(String text) {
		String masked = text;
		for (String secret : this.secrets) {
			masked = masked.replace(secret, "****");
		}
		return masked;
	}

	RunnerFailure classify(Throwable thrown) {
		RunnerFailure failure = classifyUnmasked(thrown);
		String masked = mask(failure.getMessage());
		return masked.equals(failure.getMessage()) ? failure : new RunnerFailure(failure.kind(), masked);
	}

	private static RunnerFailure classifyUnmasked(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof RunnerFailure runner) {
				return runner;
			}
			if (cause instanceof StorageException storage) {
				return storage(storage);
			}
			if (cause instanceof IntegrityException integrity) {
				return new RunnerFailure(FailureKind.INTEGRITY, integrity.getMessage(), integrity);
			}
		}
		if (thrown instanceof IOException) {
			return new RunnerFailure(FailureKind.INTERNAL, "Input/output failed: " + thrown.getMessage(), thrown);
		}
		return new RunnerFailure(FailureKind.INTERNAL,
				"Internal error (" + thrown.getClass().getSimpleName() + "): " + thrown.getMessage(), thrown);
	}

	static RunnerFailure storage(StorageException ex) {
		FailureKind kind = switch (ex.reason()) {
			case ACCESS_DENIED -> FailureKind.DESTINATION_ACCESS_DENIED;
			case NO_SUCH_BUCKET -> FailureKind.BUCKET_MISSING;
			case WRONG_REGION, NOT_FOUND, OTHER -> FailureKind.DESTINATION_FAILED;
		};
		return new RunnerFailure(kind, ex.getMessage(), ex);
	}

}
