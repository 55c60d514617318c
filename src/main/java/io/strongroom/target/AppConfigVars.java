package io.strongroom.target;

import org.jspecify.annotations.Nullable;

/**
 * The names the add-on's config vars have on the customer's app, which a runner (a dyno
 * on that app) reads its secrets from and the dashboard shows: the declared name with the
 * attachment's name in place of {@code STRONGROOM} ({@link HerokuConfigVarNames#onApp}).
 * In local mode, or while the attachment is not known, the declared names.
 *
 * @param attachmentName the name the add-on is attached under, or {@code null}
 */
public record AppConfigVars(@Nullable String attachmentName) {

	/** The names as the manifest declares them. */
	public static final AppConfigVars AS_DECLARED = new AppConfigVars(null);

	/** The app's name of the config var declared as {@code declared}. */
	public String name(String declared) {
		return HerokuConfigVarNames.onApp(declared, this.attachmentName);
	}

}
