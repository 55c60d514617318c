package io.strongroom.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.strongroom.tenant.BackupFrequency;
import io.strongroom.tenant.Plan;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Schedules} on the {@code schedule} table. Plan limits are checked here, where a
 * schedule is set, and re-applied when the plan changes ({@link #clampToPlan}).
 */
@Service
class JdbcSchedules implements Schedules {

	private static final Logger log = LoggerFactory.getLogger(JdbcSchedules.class);

	private final ScheduleRepository schedules;

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final Clock clock;

	JdbcSchedules(ScheduleRepository schedules, TenantRepository tenants, PlanCatalog plans, Clock clock) {
		this.schedules = schedules;
		this.tenants = tenants;
		this.plans = plans;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Optional<Instant> put(TenantId tenant, UUID targetId, ScheduleSpec spec) {
		requireAllowed(tenant, spec);
		Instant now = this.clock.instant();
		Optional<StoredSchedule> existing = this.schedules.find(targetId);
		if (existing.isPresent() && !existing.get().tenant().equals(tenant)) {
			throw new IllegalArgumentException("Target " + targetId + " belongs to another add-on");
		}
		if (existing.isPresent() && existing.get().spec().equals(spec)) {
			// Same schedule: keep the pending slot, even one that is due but not yet
			// dispatched.
			return Optional.ofNullable(existing.get().nextSlotAt());
		}
		Instant next = spec.nextSlotAfter(now).orElse(null);
		StoredSchedule schedule = new StoredSchedule(targetId, tenant, spec, next);
		if (existing.isPresent()) {
			this.schedules.update(schedule, now);
		}
		else {
			this.schedules.insert(schedule, now);
		}
		return Optional.ofNullable(next);
	}

	@Override
	@Transactional
	public void remove(UUID targetId) {
		this.schedules.delete(targetId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> nextSlot(UUID targetId) {
		return this.schedules.find(targetId).map(StoredSchedule::nextSlotAt);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScheduleSpec> find(UUID targetId) {
		return this.schedules.find(targetId).map(StoredSchedule::spec);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ScheduledSlots> recurring() {
		return this.schedules.findRecurring();
	}

	@Override
	@Transactional
	public boolean pause(UUID targetId) {
		Optional<StoredSchedule> schedule = this.schedules.find(targetId);
		if (schedule.isEmpty() || schedule.get().nextSlotAt() == null) {
			return false;
		}
		return this.schedules.setNextSlot(targetId, null, this.clock.instant());
	}

	@Override
	@Transactional
	public boolean resume(UUID targetId) {
		Optional<StoredSchedule> schedule = this.schedules.find(targetId);
		if (schedule.isEmpty() || schedule.get().nextSlotAt() != null) {
			return false;
		}
		Instant now = this.clock.instant();
		Optional<Instant> next = schedule.get().spec().nextSlotAfter(now);
		return next.isPresent() && this.schedules.setNextSlot(targetId, next.get(), now);
	}

	/** Removes every schedule of the tenant; returns how many there were. */
	@Transactional
	int removeAll(TenantId tenant) {
		return this.schedules.deleteByTenant(tenant);
	}

	/**
	 * Changes each of the tenant's schedules that the plan no longer allows to the
	 * nearest one it does ({@link ScheduleSpec#clampTo}); the changed schedules start
	 * with their first slot after now. Backups are never touched.
	 * @return how many schedules changed
	 */
	@Transactional
	int clampToPlan(TenantId tenant, String planSlug) {
		Optional<Plan> plan = this.plans.find(planSlug);
		if (plan.isEmpty()) {
			log.warn("Add-on {} moved to plan '{}', which is not in the plan catalog; its schedules are unchanged",
					tenant, planSlug);
			return 0;
		}
		Instant now = this.clock.instant();
		int changed = 0;
		for (StoredSchedule schedule : this.schedules.findByTenant(tenant)) {
			ScheduleSpec clamped = schedule.spec().clampTo(plan.get());
			if (clamped.equals(schedule.spec())) {
				continue;
			}
			// A paused schedule (no next slot) stays paused.
			Instant next = (schedule.nextSlotAt() != null) ? clamped.nextSlotAfter(now).orElse(null) : null;
			this.schedules.update(new StoredSchedule(schedule.targetId(), tenant, clamped, next), now);
			log.info("Add-on {} moved to plan '{}': the schedule of target {} changed from {} to {}", tenant, planSlug,
					schedule.targetId(), schedule.spec().describe(), clamped.describe());
			changed++;
		}
		return changed;
	}

	private void requireAllowed(TenantId tenantId, ScheduleSpec spec) {
		Tenant tenant = this.tenants.findById(tenantId.value())
			.orElseThrow(() -> new IllegalArgumentException("No add-on " + tenantId));
		if (tenant.isDeprovisioned()) {
			throw new IllegalStateException("Add-on " + tenantId + " is deprovisioned");
		}
		if (spec.frequency().isEmpty()) {
			return;
		}
		BackupFrequency frequency = spec.frequency().get();
		Plan plan = this.plans.find(tenant.plan())
			.orElseThrow(() -> new ScheduleNotAllowedException(tenant.plan(), spec.frequency(),
					"The plan '" + tenant.plan() + "' is not in this Strongroom's plan catalog, so no schedule "
							+ "can be checked against it; ask the operator, or use manual backups"));
		if (!spec.allowedBy(plan)) {
			throw new ScheduleNotAllowedException(plan.slug(), spec.frequency(),
					"The " + plan.slug() + " plan allows " + names(plan.frequencies()) + " backups, not "
							+ name(frequency) + ". Choose one of those, or upgrade the add-on's plan "
							+ "(heroku addons:upgrade).");
		}
	}

	private static String names(Set<BackupFrequency> frequencies) {
		List<String> names = ScheduleSpec.BY_FREQUENCY.stream()
			.filter(frequencies::contains)
			.map(JdbcSchedules::name)
			.collect(Collectors.toList());
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	private static String name(BackupFrequency frequency) {
		return frequency.name().toLowerCase(java.util.Locale.ROOT);
	}

}
