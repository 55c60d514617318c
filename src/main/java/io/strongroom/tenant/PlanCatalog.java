package io.strongroom.tenant;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plan catalog, bound from {@code strongroom.plans.<slug>.*} (defaults in
 * {@code application.properties}).
 */
@Validated
@ConfigurationProperties("strongroom")
public record PlanCatalog(@NotEmpty Map<String, @Valid PlanProperties> plans) {

	public Optional<Plan> find(String slug) {
		PlanProperties properties = (slug != null) ? this.plans.get(slug) : null;
		return Optional.ofNullable(properties).map((p) -> p.toPlan(slug));
	}

	public Map<String, Plan> all() {
		Map<String, Plan> all = new LinkedHashMap<>();
		this.plans.forEach((slug, properties) -> all.put(slug, properties.toPlan(slug)));
		return all;
	}

	/** One plan as configured. */
	public record PlanProperties(@NotEmpty Set<BackupFrequency> frequencies, @Min(1) int maxDatabases,
			@NotNull Duration maxRetention, @NotNull RestoreTests restoreTests,
			@DefaultValue("6h") Duration maxRunDuration) {

		Plan toPlan(String slug) {
			return new Plan(slug, Set.copyOf(this.frequencies), this.maxDatabases, this.maxRetention, this.restoreTests,
					this.maxRunDuration);
		}

	}

}
