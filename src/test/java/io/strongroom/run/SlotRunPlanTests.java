package io.strongroom.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.strongroom.run.SlotRunPlan.AlreadyMade;
import io.strongroom.run.SlotRunPlan.Create;
import io.strongroom.run.SlotRunPlan.Decision;
import io.strongroom.run.SlotRunPlan.Joins;
import io.strongroom.run.SlotRunPlan.Removed;
import io.strongroom.run.SlotRunPlan.StoredRun;
import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions for a batch of due slots, without a database. */
class SlotRunPlanTests {

	static final Instant SLOT = Instant.parse("2026-11-24T10:00:00Z");

	static final Instant NOW = SLOT.plusSeconds(3);

	final TenantId tenant = new TenantId(UUID.randomUUID());

	@Test
	void eachSlotOfTheBatchGetsItsDecision() {
		BackupSlotDue fresh = slot(UUID.randomUUID(), SLOT);
		BackupSlotDue removed = slot(UUID.randomUUID(), SLOT);
		BackupSlotDue repeated = slot(UUID.randomUUID(), SLOT);
		BackupSlotDue busy = slot(UUID.randomUUID(), SLOT);
		UUID made = UUID.randomUUID();
		UUID running = UUID.randomUUID();
		List<Decision> decisions = SlotRunPlan.decide(List.of(fresh, removed, repeated, busy),
				labels(fresh, repeated, busy),
				List.of(new StoredRun(made, repeated.targetId(), SLOT, RunState.SUCCEEDED),
						new StoredRun(running, busy.targetId(), SLOT.minusSeconds(3600), RunState.RUNNING)),
				NOW);

		assertThat(decisions).hasSize(4);
		Create create = (Create) decisions.get(0);
		assertThat(create.slot()).isEqualTo(fresh);
		assertThat(create.run().state()).isEqualTo(RunState.QUEUED);
		assertThat(create.run().origin()).isEqualTo(RunOrigin.SCHEDULE);
		assertThat(create.run().slot()).isEqualTo(SLOT);
		assertThat(create.run().createdAt()).isEqualTo(NOW);
		assertThat(create.run().activeTargetId()).isEqualTo(fresh.targetId());
		assertThat(create.run().databaseLabel()).isEqualTo(DatabaseLabel.DEFAULT);
		assertThat(decisions.get(1)).isEqualTo(new Removed(removed));
		assertThat(decisions.get(2)).isEqualTo(new AlreadyMade(repeated, made));
		assertThat(decisions.get(3)).isEqualTo(new Joins(busy, running, RunState.RUNNING));
	}

	@Test
	void theSlotsOwnRunWinsOverTheActiveRunItMayBe() {
		BackupSlotDue repeated = slot(UUID.randomUUID(), SLOT);
		UUID run = UUID.randomUUID();
		assertThat(SlotRunPlan.decide(List.of(repeated), labels(repeated),
				List.of(new StoredRun(run, repeated.targetId(), SLOT, RunState.QUEUED)), NOW))
			.containsExactly(new AlreadyMade(repeated, run));
	}

	@Test
	void aLaterSlotOfTheSameDatabaseInTheBatchSeesTheRunMadeBeforeIt() {
		UUID target = UUID.randomUUID();
		BackupSlotDue first = slot(target, SLOT);
		BackupSlotDue again = slot(target, SLOT);
		BackupSlotDue next = slot(target, SLOT.plusSeconds(3600));
		List<Decision> decisions = SlotRunPlan.decide(List.of(first, again, next), labels(first), List.of(), NOW);
		UUID made = ((Create) decisions.get(0)).run().id().value();
		assertThat(decisions.subList(1, 3)).containsExactly(new AlreadyMade(again, made),
				new Joins(next, made, RunState.QUEUED));
	}

	@Test
	void aFinishedRunOfAnotherSlotDoesNotStopANewOne() {
		BackupSlotDue due = slot(UUID.randomUUID(), SLOT);
		List<Decision> decisions = SlotRunPlan.decide(List.of(due), labels(due),
				List.of(new StoredRun(UUID.randomUUID(), due.targetId(), SLOT.minusSeconds(3600), RunState.FAILED)),
				NOW);
		assertThat(decisions).singleElement().isInstanceOf(Create.class);
	}

	private BackupSlotDue slot(UUID target, Instant at) {
		return new BackupSlotDue(this.tenant, target, at);
	}

	private static Map<TargetId, DatabaseLabel> labels(BackupSlotDue... slots) {
		Map<TargetId, DatabaseLabel> labels = new java.util.HashMap<>();
		for (BackupSlotDue slot : slots) {
			labels.put(new TargetId(slot.targetId()), DatabaseLabel.DEFAULT);
		}
		return labels;
	}

}
