package io.strongroom.target;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.strongroom.heroku.AddonAttachments;

/**
 * Every config var Strongroom may write to a customer's app in Heroku mode, so that
 * {@code addon-manifest.json} can declare each one: the manifest's {@code config_vars} is
 * a fixed list of names (no patterns), every name must start with
 * {@code config_vars_prefix} and {@code _}, and Heroku refuses to set a config var the
 * manifest does not declare. A further database's URL lives in
 * {@code STRONGROOM_<LABEL>_DATABASE_URL}, so in Heroku mode its label must be one of
 * {@link #LABELS}: {@code DATABASE} and colour names as Heroku Postgres uses for its
 * attachments ({@code HEROKU_POSTGRESQL_PURPLE_URL} can be backed up as {@code PURPLE}).
 * Local mode writes no config vars and takes any label.
 */
public final class HerokuConfigVarNames {

	/** The manifest's {@code config_vars_prefix}. */
	public static final String PREFIX = AddonAttachments.DEFAULT_NAME;

	/** The labels a database may have in Heroku mode, {@code DATABASE} first. */
	public static final List<String> LABELS = List.of("DATABASE", "AMBER", "BLACK", "BLUE", "BRONZE", "BROWN",
			"CHARCOAL", "COBALT", "COPPER", "CRIMSON", "CYAN", "GOLD", "GRAY", "GREEN", "IVORY", "JADE", "MAROON",
			"MAUVE", "NAVY", "OLIVE", "ONYX", "ORANGE", "PINK", "PUCE", "PURPLE", "RED", "ROSE", "SILVER", "TEAL",
			"WHITE", "YELLOW");

	private HerokuConfigVarNames() {
	}

	/**
	 * The config vars the target module writes: each label's database URL and
	 * verification database URL, the encryption key and the S3 credentials.
	 */
	public static List<String> written() {
		List<String> names = new ArrayList<>();
		for (String label : LABELS) {
			names.add(new DatabaseLabel(label).urlEnvironmentVariable());
		}
		for (String label : LABELS) {
			names.add(new DatabaseLabel(label).verificationUrlEnvironmentVariable());
		}
		names.add(RunnerEnvironment.ENCRYPTION_KEY);
		names.add(RunnerEnvironment.AWS_ACCESS_KEY_ID);
		names.add(RunnerEnvironment.AWS_SECRET_ACCESS_KEY);
		return List.copyOf(names);
	}

	/**
	 * The name a config var Strongroom writes has on the customer's app: Heroku puts the
	 * attachment's name in place of {@link #PREFIX} ({@code STRONGROOM_DATABASE_URL} is
	 * {@code BACKUPS_DATABASE_URL} when the add-on is attached {@code --as BACKUPS};
	 * heroku-addon.md §5.1). Names that are not such config vars, and every name while
	 * the attachment is not known, stay as they are.
	 */
	public static String onApp(String name, @Nullable String attachmentName) {
		if (attachmentName == null || !written().contains(name)) {
			return name;
		}
		return attachmentName + name.substring(PREFIX.length());
	}

	/** Whether a database with this label can keep its URL in a config var. */
	static boolean declares(DatabaseLabel label) {
		return LABELS.contains(label.value());
	}

	/** The refusal for a label outside {@link #LABELS}, saying what to use instead. */
	static InvalidSettingsException undeclared(DatabaseLabel label) {
		return new InvalidSettingsException("label",
				"On Heroku a database's URL goes into a config var on your app, and Heroku only sets config vars"
						+ " that Strongroom's add-on manifest declares, so " + label
						+ " cannot be used as a label. Use DATABASE or one of the colour labels: "
						+ String.join(", ", LABELS.subList(1, LABELS.size()))
						+ " (for example the colour of the Heroku Postgres database you back up).");
	}

}
