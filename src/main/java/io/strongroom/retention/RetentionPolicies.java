package io.strongroom.retention;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.strongroom.tenant.Plan;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each database's retention settings, limited by its plan. A database without stored
 * settings has Autobus's defaults clamped to the plan, in UTC.
 */
@Service
public class RetentionPolicies {

	private final StoredRetentionPolicyRepository policies;

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final Clock clock;

	RetentionPolicies(StoredRetentionPolicyRepository policies, TenantRepository tenants, PlanCatalog plans,
			ObjectProvider<Clock> clock) {
		this.policies = policies;
		this.tenants = tenants;
		this.plans = plans;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The settings in force for one database (stored, or the plan's default). */
	@Transactional(readOnly = true)
	public RetentionSettings settingsFor(TenantId tenant, String databaseLabel) {
		return stored(tenant, databaseLabel).map(StoredRetentionPolicy::settings)
			.orElseGet(() -> defaults(planOf(tenant)));
	}

	/**
	 * Stores a database's settings.
	 * @throws RetentionPolicyRejected when the policy keeps backups longer than the plan
	 * allows (nothing is stored then)
	 */
	@Transactional
	public RetentionSettings update(TenantId tenant, String databaseLabel, RetentionPolicy policy, ZoneId zone) {
		Plan plan = planOf(tenant);
		ClampedPolicy clamped = policy.clampTo(RetentionLimits.of(plan));
		if (clamped.changed()) {
			throw new RetentionPolicyRejected(plan.slug(), clamped.changes());
		}
		RetentionSettings settings = new RetentionSettings(policy, zone);
		store(tenant, databaseLabel, settings);
		return settings;
	}

	/**
	 * Checks a policy against the tenant's plan without storing it, so a request can be
	 * refused before anything of it is saved.
	 * @throws RetentionPolicyRejected when the policy keeps backups longer than the plan
	 * allows
	 */
	@Transactional(readOnly = true)
	public void check(TenantId tenant, RetentionPolicy policy) {
		Plan plan = planOf(tenant);
		ClampedPolicy clamped = policy.clampTo(RetentionLimits.of(plan));
		if (clamped.changed()) {
			throw new RetentionPolicyRejected(plan.slug(), clamped.changes());
		}
	}

	/**
	 * The settings in force, stored on first use so a later downgrade can protect them.
	 */
	@Transactional
	RetentionSettings settingsInForce(TenantId tenant, String databaseLabel) {
		Optional<StoredRetentionPolicy> stored = stored(tenant, databaseLabel);
		if (stored.isPresent()) {
			return stored.get().settings();
		}
		RetentionSettings settings = defaults(planOf(tenant));
		store(tenant, databaseLabel, settings);
		return settings;
	}

	/** What the tenant's plan allows: the bound of every rule. */
	RetentionLimits limits(TenantId tenant) {
		return RetentionLimits.of(planOf(tenant));
	}

	List<StoredRetentionPolicy> storedFor(TenantId tenant) {
		return this.policies.findByTenantId(tenant.value());
	}

	void store(TenantId tenant, String databaseLabel, RetentionSettings settings) {
		Optional<StoredRetentionPolicy> stored = stored(tenant, databaseLabel);
		if (stored.isPresent()) {
			stored.get().change(settings, this.clock.instant());
		}
		else {
			this.policies.save(StoredRetentionPolicy.of(tenant, databaseLabel, settings, this.clock.instant()));
		}
	}

	Plan planOf(TenantId tenant) {
		String slug = this.tenants.findById(tenant.value())
			.orElseThrow(() -> new IllegalArgumentException("No add-on " + tenant))
			.plan();
		return plan(slug);
	}

	/**
	 * The limits of the plan a resource left. One no longer in the catalog counts as the
	 * longest plan there is, so a change from it holds rather than deletes.
	 */
	RetentionLimits previousLimits(String slug) {
		return this.plans.find(slug)
			.or(() -> this.plans.all().values().stream().max(Comparator.comparing(Plan::maxRetention)))
			.map(RetentionLimits::of)
			.orElseThrow(() -> new IllegalStateException("strongroom.plans is empty"));
	}

	Plan plan(String slug) {
		return this.plans.find(slug)
			.orElseThrow(() -> new IllegalStateException("Plan " + slug + " is not in strongroom.plans"));
	}

	private Optional<StoredRetentionPolicy> stored(TenantId tenant, String databaseLabel) {
		Objects.requireNonNull(databaseLabel, "databaseLabel");
		return this.policies.findByTenantIdAndDatabaseLabel(tenant.value(), databaseLabel);
	}

	static RetentionSettings defaults(Plan plan) {
		return new RetentionSettings(RetentionPolicy.autobusDefaults().clampTo(RetentionLimits.of(plan)).policy(),
				ZoneOffset.UTC);
	}

}
