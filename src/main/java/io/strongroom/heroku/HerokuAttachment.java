package io.strongroom.heroku;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One attachment of the add-on to an app ({@code GET /addons/{uuid}/addon-attachments}).
 * Its {@code name} is the prefix of the add-on's config vars on that app: the manifest's
 * {@code config_vars_prefix} unless the customer attached it {@code --as} another name,
 * or Heroku generated one for a second instance (heroku-addon.md §5.1).
 *
 * @param name the attachment's name, e.g. {@code STRONGROOM} or {@code BACKUPS}
 * @param appId the app it is attached to
 * @param appName that app's current name
 * @param logInputUrl where to write into that app's log; holds a credential, so
 * {@link #toString()} leaves it out
 */
public record HerokuAttachment(String name, @Nullable String appId, @Nullable String appName,
		@Nullable String logInputUrl) {

	public HerokuAttachment {
		Objects.requireNonNull(name, "name");
	}

	/**
	 * The name the add-on is attached under on the app {@code appId}. Attached twice to
	 * the same app, both sets of config vars are there: the default prefix if it is one
	 * of them, else the first name in order, so every process picks the same.
	 * @param defaultName the manifest's {@code config_vars_prefix}
	 */
	public static Optional<String> nameOn(List<HerokuAttachment> attachments, String appId, String defaultName) {
		List<String> names = attachments.stream()
			.filter((attachment) -> appId.equals(attachment.appId()))
			.map(HerokuAttachment::name)
			.sorted(Comparator.naturalOrder())
			.toList();
		return names.contains(defaultName) ? Optional.of(defaultName) : names.stream().findFirst();
	}

	@Override
	public String toString() {
		return "HerokuAttachment[name=" + this.name + ", appId=" + this.appId + ", appName=" + this.appName + "]";
	}

}
