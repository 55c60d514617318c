package io.strongroom.target;

import java.util.regex.Pattern;

/**
 * A database's name within one add-on: {@code DATABASE}, {@code PURPLE}, ... It names the
 * config var that holds the database's URL, so it follows config var rules.
 */
public record DatabaseLabel(String value) {

	private static final Pattern PATTERN = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	/** The label whose URL lives in {@code STRONGROOM_DATABASE_URL}. */
	public static final DatabaseLabel DEFAULT = new DatabaseLabel("DATABASE");

	public DatabaseLabel {
		if (value == null || !PATTERN.matcher(value).matches()) {
			throw new InvalidSettingsException("label",
					"A database label is 1 to 40 characters: an upper-case letter, then upper-case letters, digits or _"
							+ " (for example DATABASE or PURPLE)");
		}
	}

	/**
	 * The environment variable that carries this database's URL to the runner:
	 * {@code STRONGROOM_DATABASE_URL} for {@code DATABASE}, otherwise
	 * {@code STRONGROOM_<LABEL>_DATABASE_URL}.
	 */
	public String urlEnvironmentVariable() {
		return DEFAULT.equals(this) ? "STRONGROOM_DATABASE_URL" : "STRONGROOM_" + this.value + "_DATABASE_URL";
	}

	/** Where the optional verification (scratch) database's URL is kept. */
	public String verificationUrlEnvironmentVariable() {
		return DEFAULT.equals(this) ? "STRONGROOM_VERIFY_DATABASE_URL"
				: "STRONGROOM_" + this.value + "_VERIFY_DATABASE_URL";
	}

	@Override
	public String toString() {
		return this.value;
	}

}
