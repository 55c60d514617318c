package io.strongroom.api;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.run.VerificationView;

/** A verification of a backup as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerificationResponse(String id, String backupId, String status, String origin, int attempts, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String restoreTest, boolean restoreTested,
		@Nullable String detail) {

	static VerificationResponse of(VerificationView view) {
		return new VerificationResponse(view.id().toString(), view.backup().toString(), view.status().name(),
				view.origin(), view.attempts(), view.createdAt(), view.startedAt(), view.finishedAt(),
				(view.restoreTest() != null) ? view.restoreTest().toLowerCase(Locale.ROOT) : null, view.restoreTested(),
				view.detail());
	}

}
