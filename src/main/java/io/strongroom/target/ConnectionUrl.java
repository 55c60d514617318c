package io.strongroom.target;

import java.util.Locale;

import io.strongroom.runner.DatabaseUrl;
import io.strongroom.runner.Engine;
import io.strongroom.runner.RunnerFailure;
import io.strongroom.runner.Secret;

/**
 * What the web side may know of a database URL without keeping it: the engine (from the
 * scheme) and a masked form for reads. Parsed by the runner's own {@link DatabaseUrl}, so
 * a URL saved here is one the runner accepts. Error messages never repeat the URL.
 */
record ConnectionUrl(Engine engine, String masked, DatabaseUrl parsed) {

	static ConnectionUrl parse(String field, Secret url) {
		DatabaseUrl parsed;
		try {
			parsed = DatabaseUrl.parse(url.value());
		}
		catch (RunnerFailure ex) {
			throw new InvalidSettingsException(field, field + ": " + ex.getMessage());
		}
		if (parsed.user().isEmpty()) {
			throw new InvalidSettingsException(field,
					field + " has no user name. Expected postgres://user:password@host:5432/database");
		}
		String scheme = url.value().strip();
		scheme = scheme.substring(0, scheme.indexOf("://")).toLowerCase(Locale.ROOT);
		String host = parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host();
		String credentials = parsed.password().value().isEmpty() ? parsed.user() : parsed.user() + ":****";
		return new ConnectionUrl(parsed.engine(),
				scheme + "://" + credentials + "@" + host + ":" + parsed.port() + "/" + parsed.database(), parsed);
	}

	@Override
	public String toString() {
		return "ConnectionUrl[" + this.masked + "]";
	}

}
