package io.strongroom.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Everything a notice says, gathered when it is decided, so that every channel and every
 * retry sends the same words.
 *
 * @param kind which notice
 * @param addonName the add-on resource's name (e.g. {@code strongroom-cubic-12345})
 * @param appName the Heroku app, if known
 * @param databaseLabel the database
 * @param runId the run the notice is about, if any
 * @param at when it happened
 * @param failure the failure kind's name ({@code AUTHENTICATION_FAILED}, {@code STALLED},
 * ...) or {@code null}
 * @param message the runner's or verifier's message (masked), or {@code null}
 * @param failingSince the first failure of the streak, or {@code null}
 * @param failures failures in the streak so far
 * @param dashboardUrl where the customer can act
 * @param urlConfigVar the config var on the customer's app that holds the database's URL,
 * as named there (the add-on's attachment name is its prefix), or {@code null} when
 * Strongroom keeps the URL itself
 */
record Notice(NoticeKind kind, String addonName, @Nullable String appName, String databaseLabel, @Nullable UUID runId,
		Instant at, @Nullable String failure, @Nullable String message, @Nullable Instant failingSince, int failures,
		URI dashboardUrl, @Nullable String urlConfigVar) {

	Notice {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(addonName, "addonName");
		Objects.requireNonNull(databaseLabel, "databaseLabel");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(dashboardUrl, "dashboardUrl");
	}

	/** {@code DATABASE on acme-app} (or on the add-on when the app is unknown). */
	String where() {
		return this.databaseLabel + " on " + ((this.appName != null) ? this.appName : this.addonName);
	}

}
