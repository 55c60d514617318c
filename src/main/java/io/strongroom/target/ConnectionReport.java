package io.strongroom.target;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What "test connection" found. {@code ok} is false when Strongroom could not connect or
 * a table cannot be read; {@code warnings} are things to fix that do not stop a backup.
 *
 * @param serverVersion the server's version as it reports it
 * @param dumpClient the dump tool the runner will pick for this server, in words
 * @param dumpClientPath the binary a runner on this machine will run for this server, or
 * {@code null} when runners run elsewhere (one-off dynos) or none found here fits
 * @param dumpClientVersion the first line of that binary's {@code --version}
 * @param tables how many tables the backup will contain
 * @param unreadableTables tables the user may not read ({@code schema.table}); a backup
 * would fail on them
 * @param canWrite whether the user may change data (a read-only user is safer)
 * @param errorKind a runner failure kind when the test failed
 * ({@code CONNECTION_REFUSED}, {@code AUTHENTICATION_FAILED}, ...)
 */
public record ConnectionReport(boolean ok, String engine, @Nullable String serverVersion, @Nullable String dumpClient,
		@Nullable String dumpClientPath, @Nullable String dumpClientVersion, int tables, List<String> unreadableTables,
		boolean canWrite, List<String> warnings, @Nullable String errorKind, @Nullable String errorMessage) {

}
