package io.strongroom.target;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What "test connection" found. {@code ok} is false when Strongroom could not connect or
 * the user lacks a grant the dump needs on something it reads (objects the backup leaves
 * out do not count); {@code warnings} are things to fix that do not stop a backup.
 *
 * @param serverVersion the server's version as it reports it
 * @param dumpClient the dump tool the runner will pick for this server, in words
 * @param dumpClientPath the binary a runner on this machine will run for this server, or
 * {@code null} when runners run elsewhere (one-off dynos) or none found here fits
 * @param dumpClientVersion the first line of that binary's {@code --version}
 * @param tables how many tables the backup will contain
 * @param unreadableTables tables the user may not read ({@code schema.table}); a backup
 * would fail on them
 * @param unreadableSequences PostgreSQL sequences the user may not read
 * ({@code schema.sequence}); pg_dump reads each one it dumps
 * @param schemasWithoutUsage PostgreSQL schemas holding tables or sequences the backup
 * reads, on which the user lacks USAGE
 * @param canWrite whether the user may change data (a read-only user is safer)
 * @param errorKind a runner failure kind when the test failed
 * ({@code CONNECTION_REFUSED}, {@code AUTHENTICATION_FAILED}, ...)
 */
public record ConnectionReport(boolean ok, String engine, @Nullable String serverVersion, @Nullable String dumpClient,
		@Nullable String dumpClientPath, @Nullable String dumpClientVersion, int tables, List<String> unreadableTables,
		List<String> unreadableSequences, List<String> schemasWithoutUsage, boolean canWrite, List<String> warnings,
		@Nullable String errorKind, @Nullable String errorMessage) {

}
