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
 */
public record DumpRequest(DatabaseUrl url, List<String> excludeTables, DumpOptions options,
		List<Path> clientDirectories) {

	public DumpRequest {
		Objects.requireNonNull(url, "url");
		excludeTables = List.copyOf(Objects.requireNonNull(excludeTables, "excludeTables"));
		Objects.requireNonNull(options, "options");
		clientDirectories = List.copyOf(Objects.requireNonNull(clientDirectories, "clientDirectories"));
	}

	/** A request with no exclusions, default options and the default client folders. */
	public static DumpRequest of(DatabaseUrl url) {
		return new DumpRequest(url, List.of(), DumpOptions.defaults(url.engine()), List.of());
	}

}
