package io.strongroom.dashboard;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;

import io.strongroom.tenant.Plan;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantState;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows of an add-on, formatted for people.
 *
 * @param name the add-on's name ({@code strongroom-shaped-12345})
 * @param app the app it is attached to, once single sign-on told us
 * @param plan the plan's slug
 * @param region Heroku's region
 * @param provisioning whether Heroku is still finishing the provisioning
 * @param maxDatabases how many databases the plan allows, blank if the plan is unknown
 * @param frequencies the plan's backup frequencies, in words
 * @param retention the plan's longest retention, in words
 */
record AddonView(String name, @Nullable String app, String plan, String region, boolean provisioning,
		String maxDatabases, String frequencies, String retention) {

	static AddonView of(Tenant tenant, @Nullable Plan plan) {
		return new AddonView(tenant.name(), tenant.appName(), tenant.plan(), tenant.region(),
				tenant.state() == TenantState.PROVISIONING, (plan != null) ? Integer.toString(plan.maxDatabases()) : "",
				(plan != null) ? plan.frequencies()
					.stream()
					.sorted(Comparator.naturalOrder())
					.map((f) -> f.name().toLowerCase(java.util.Locale.ROOT))
					.collect(Collectors.joining(", ")) : "",
				(plan != null) ? words(plan.maxRetention()) : "");
	}

	static String words(Duration duration) {
		long days = duration.toDays();
		if (days >= 365 && days % 365 <= 1) {
			return plural(days / 365, "year");
		}
		if (days >= 28 && days % 30 <= 2 && days < 365) {
			return plural(Math.round(days / 30.5), "month");
		}
		if (days >= 7 && days % 7 == 0) {
			return plural(days / 7, "week");
		}
		if (days >= 1) {
			return plural(days, "day");
		}
		return plural(duration.toHours(), "hour");
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + ((n == 1) ? "" : "s");
	}

}
