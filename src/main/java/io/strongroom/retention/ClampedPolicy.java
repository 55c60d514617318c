package io.strongroom.retention;

import java.util.List;
import java.util.Objects;

/**
 * A policy after {@link RetentionPolicy#clampTo}, with what the clamp changed (empty when
 * the policy was already within the plan).
 *
 * @param policy the policy within the plan's limits
 * @param changes one sentence per changed setting, for the dashboard and the API
 */
public record ClampedPolicy(RetentionPolicy policy, List<String> changes) {

	public ClampedPolicy {
		Objects.requireNonNull(policy, "policy");
		changes = List.copyOf(changes);
	}

	public boolean changed() {
		return !this.changes.isEmpty();
	}

}
