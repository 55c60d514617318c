package io.strongroom.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to dump and with which tools.
 *
 * @param url the database
 * @param excludeTables tables left out of the dump and its statistics, as
 * {@code schema.table} (exact names, case-sensitive; a name without a schema means
 * {@code public} on PostgreSQL and the URL's database on MySQL/MariaDB)
 * @param options the customer's dump options, already checked against the whitelist
 * @param clientDirectories folders to look for {@code pg_dump}/{@code mariadb-dump} in;
 * empty means the default ({@code /usr/lib/postgresql/*}{@code /bin}, then {@code PATH})
 * @param beforeTool runs once the database answered and the dump's own checks passed,
 * just before the tool starts, with the database's size as the dump's own connection
 * estimated it; what it throws ends the start there (a backup checks that its upload fits
 * in the heap and sizes its parts)
 */
public record DumpRequest(DatabaseUrl url, List<String> excludeTables, DumpOptions options,
		List<Path> clientDirectories, Precondition beforeTool) {

	/** A last check before the dump tool starts. */
	@FunctionalInterface
	public interface Precondition {

		/**
		 * @param estimatedBytes the database's size on the server, or {@code -1} when it
		 * could not tell ({@link DatabaseSize})
		 */
		void check(long estimatedBytes) throws RunnerFailure;

	}

	public DumpRequest {
		Objects.requireNonNull(url, "url");
		excludeTables = List.copyOf(Objects.requireNonNull(excludeTables, "excludeTables"));
		Objects.requireNonNull(options, "options");
		clientDirectories = List.copyOf(Objects.requireNonNull(clientDirectories, "clientDirectories"));
		Objects.requireNonNull(beforeTool, "beforeTool");
	}

	/** A request with nothing to check before the tool starts. */
	public DumpRequest(DatabaseUrl url, List<String> excludeTables, DumpOptions options, List<Path> clientDirectories) {
		this(url, excludeTables, options, clientDirectories, (estimatedBytes) -> {
		});
	}

	/** A request with no exclusions, default options and the default client folders. */
	public static DumpRequest of(DatabaseUrl url) {
		return new DumpRequest(url, List.of(), DumpOptions.defaults(url.engine()), List.of());
	}

	/** This request with {@code check} run just before the tool starts. */
	public DumpRequest withBeforeTool(Precondition check) {
		return new DumpRequest(this.url, this.excludeTables, this.options, this.clientDirectories, check);
	}

}
