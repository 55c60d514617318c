package io.strongroom.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.strongroom.run.Runs;
import io.strongroom.schedule.Schedules;
import io.strongroom.support.ApiClient;
import io.strongroom.support.Eventually;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.target.Targets;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantPlanChanged;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan downgrade deletes nothing: the databases added first, up to the new plan's
 * number, keep their schedules (frequencies the plan lacks are clamped), the others are
 * paused with the reason in {@code GET /api/v1/databases}, in a refused manual backup and
 * in the error of a run that was already due; deleting one or upgrading resumes them.
 */
// Its own context: in the context most test classes share, other classes' runners (some
// trying hosts that do not answer) can hold every local launcher slot, and the run this
// test waits for would stay QUEUED.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.run.local.max-concurrent=6", "strongroom.run.dispatch-interval=1s" })
@Import(TestDatabases.class)
class PlanDowngradeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	@Autowired
	Targets targets;

	@Autowired
	Schedules schedules;

	@Autowired
	Runs runs;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	final List<String> bodies = new ArrayList<>();

	TestTenants.Created tenant;

	ApiClient api;

	@BeforeEach
	void proAddOnWithThreeDatabases() {
		this.tenant = TestTenants.create(this.tenants, "pro");
		this.api = ApiClient.bearer(this.port, this.tenant.token(), this.bodies);
		put("DATABASE", "{\"frequency\": \"hourly\", \"minute\": 5}");
		put("PURPLE", "{\"frequency\": \"daily\", \"time\": \"03:00\"}");
		put("AMBER", "{\"frequency\": \"daily\", \"time\": \"04:00\"}");
	}

	@Test
	void aDowngradePausesTheDatabasesBeyondThePlanAndSaysWhyEverywhere() throws Exception {
		changePlan("basic");
		await(() -> database("AMBER").has("paused"));
		String reason = database("AMBER").get("paused").asString();
		assertThat(reason).contains("Backups of AMBER are paused")
			.contains("the basic plan allows 2 databases and this add-on has 3")
			.contains("upgrade");
		assertThat(database("DATABASE").has("paused")).isFalse();
		assertThat(database("PURPLE").has("paused")).isFalse();
		assertThat(this.api.get("/api/v1/databases").json().get("items")).as("nothing was deleted").hasSize(3);
		assertThat(this.schedules.nextSlot(id("AMBER").value())).as("AMBER's slots no longer fall due").isEmpty();
		assertThat(this.schedules.nextSlot(id("PURPLE").value())).isPresent();
		assertThat(this.schedules.find(id("AMBER").value())).as("the schedule itself is kept").isPresent();
		await(() -> "daily".equals(database("DATABASE").get("schedule").get("frequency").asString()));
		assertThat(this.schedules.nextSlot(id("DATABASE").value()))
			.as("a frequency the plan lacks is clamped, and still runs")
			.isPresent();

		ApiClient.Response manual = this.api.post("/api/v1/databases/AMBER/backups");
		assertThat(manual.status()).as(manual.body()).isEqualTo(402);
		assertThat(manual.text("code")).isEqualTo("plan_limit");
		assertThat(manual.text("detail")).isEqualTo(reason);

		// A slot that fell due before the downgrade: its run fails, and says why.
		String run = this.runs.slotDue(this.tenant.id(), id("AMBER"), Instant.parse("2026-11-22T04:00:00Z"))
			.orElseThrow()
			.id()
			.toString();
		await(() -> "FAILED".equals(this.api.get("/api/v1/backups/" + run).text("status")));
		JsonNode error = this.api.get("/api/v1/backups/" + run).json().get("error");
		assertThat(error.get("kind").asString()).isEqualTo("PLAN_LIMIT");
		assertThat(error.get("message").asString()).isEqualTo(reason);

		ApiClient.Response another = this.api.put("/api/v1/databases/GOLD", "{\"url\": \"postgres://u:p@h/gold\"}");
		assertThat(another.status()).as("no new database while over the limit").isEqualTo(402);
		put("AMBER", "{\"frequency\": \"weekly\", \"dayOfWeek\": \"MONDAY\", \"time\": \"05:00\"}");
		assertThat(this.schedules.nextSlot(id("AMBER").value())).as("a new schedule of a paused database waits")
			.isEmpty();
		assertThat(database("AMBER").has("paused")).isTrue();

		assertThat(this.api.delete("/api/v1/databases/PURPLE").status()).isEqualTo(204);
		assertThat(database("AMBER").has("paused")).as("one fewer: AMBER is within the plan again").isFalse();
		assertThat(this.schedules.nextSlot(id("AMBER").value())).isPresent();
	}

	@Test
	void anUpgradeResumesWhatADowngradePaused() throws Exception {
		changePlan("test");
		await(() -> database("PURPLE").has("paused") && database("AMBER").has("paused"));
		assertThat(database("DATABASE").has("paused")).isFalse();
		changePlan("pro");
		await(() -> !database("PURPLE").has("paused") && !database("AMBER").has("paused"));
		assertThat(this.schedules.nextSlot(id("PURPLE").value())).isPresent();
		assertThat(this.schedules.nextSlot(id("AMBER").value())).isPresent();
		assertThat(this.api.post("/api/v1/databases/AMBER/backups").status()).as("no longer refused by the plan")
			.isNotEqualTo(402);
	}

	private void put(String label, String schedule) {
		ApiClient.Response saved = this.api.put("/api/v1/databases/" + label,
				"{\"url\": \"postgres://u:p@h/" + label.toLowerCase() + "\", \"schedule\": " + schedule + "}");
		assertThat(saved.status()).as(saved.body()).isIn(200, 201);
	}

	private void changePlan(String plan) {
		this.transactions.executeWithoutResult((status) -> {
			Tenant tenant = this.tenants.findById(this.tenant.id().value()).orElseThrow();
			String previous = tenant.plan();
			tenant.changePlan(plan);
			this.tenants.save(tenant);
			this.events.publishEvent(new TenantPlanChanged(this.tenant.id(), previous, plan, Instant.now()));
		});
	}

	private JsonNode database(String label) {
		return this.api.get("/api/v1/databases/" + label).json();
	}

	private TargetId id(String label) {
		return this.targets.database(this.tenant.id(), new DatabaseLabel(label)).orElseThrow().id();
	}

	// Generous: in the full suite the run waits behind other tests' runners and
	// verifications
	// for a launcher slot.
	private static void await(Callable<Boolean> condition) {
		Eventually.await(condition, Duration.ofSeconds(120));
	}

}
