package io.strongroom.schedule;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.strongroom.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale benchmark of issue 4, run by hand (never in the build):
 * <pre>./mvnw -B -o test -Dtest=ScheduleBenchmark -Dstrongroom.benchmark=true \
 *     -Dbenchmark.nodes=2 -Dbenchmark.schedules=10000 -Dbenchmark.slots=3</pre> It starts
 * {@code benchmark.nodes} web processes ({@link BenchmarkNode}, each its own JVM) on one
 * fresh PostgreSQL database, gives {@code benchmark.schedules} add-on resources one
 * database with an hourly schedule each, all due at the same minute (the worst case),
 * lets {@code benchmark.slots} hourly slots come round on a {@link SteppingClock}, and
 * reports, per slot, how many runs the run module's real listener created
 * ({@code run_backup} rows), duplicates, and lateness (slot to publication, slot to run
 * created); the dispatcher publishes a batch of slots per event, so a slot's publication
 * time is its batch's. The clocks start only when every process is ready, however long
 * start-up takes on a loaded machine ({@code -Dbenchmark.startup-seconds}, default 600,
 * is how long to wait for them). The launcher launches nothing, so runs stay QUEUED;
 * shortly before the next slot the harness ends them (as finished runners would), so that
 * the next slot makes new runs instead of joining the still-active ones. With
 * {@code -Dbenchmark.kill-slot=N} the last process is killed ({@code kill -9}) two
 * seconds into slot N and a new one started. Results go to stdout and
 * {@code target/benchmarks/}.
 */
@EnabledIfSystemProperty(named = "strongroom.benchmark", matches = "true")
class ScheduleBenchmark {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant FIRST_SLOT = Instant.parse("2026-12-01T10:00:00Z");

	static final Duration LEAD = Duration.ofSeconds(20);

	static final Duration PHASE = Duration.ofSeconds(Long.getLong("benchmark.phase-seconds", 120));

	static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
			ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));

	@Test
	void hourlySchedulesAtScale() throws Exception {
		int nodes = Integer.getInteger("benchmark.nodes", 1);
		int schedules = Integer.getInteger("benchmark.schedules", 10_000);
		int slots = Integer.getInteger("benchmark.slots", 3);
		int killSlot = Integer.getInteger("benchmark.kill-slot", -1);
		Path out = Path.of("target", "benchmarks");
		Files.createDirectories(out);
		TestDatabase.Coordinates db = TestDatabase.postgres();
		Path startFile = out.resolve("start-" + db.name() + ".txt");
		Files.deleteIfExists(startFile);
		Instant readyBy = Instant.now().plus(Duration.ofSeconds(Long.getLong("benchmark.startup-seconds", 600)));

		List<Process> processes = new ArrayList<>();
		SteppingClock clock;
		try {
			for (int i = 1; i <= nodes; i++) {
				processes.add(startNode("bench-" + i, db, startFile, out));
			}
			for (int i = 0; i < processes.size(); i++) {
				awaitReady(processes.get(i), out.resolve("node-bench-" + (i + 1) + ".log"), readyBy);
			}
			seed(db, schedules);
			// The clocks start now that every process is up, however long that took.
			Instant start = Instant.now().plusSeconds(5);
			SteppingClock.writeStart(startFile, start);
			clock = new SteppingClock(start, FIRST_SLOT, LEAD, PHASE);
			for (int slot = 0; slot < slots; slot++) {
				sleepUntil(clock.realTimeOfSlot(slot).plusSeconds(2));
				if (slot == killSlot) {
					Process victim = processes.remove(processes.size() - 1);
					victim.destroyForcibly().waitFor();
					processes.add(startNode("bench-replacement", db, startFile, out));
				}
				sleepUntil(clock.realTimeOfSlot(slot).plus(PHASE).minus(LEAD).minusSeconds(1));
				endRuns(db);
			}
		}
		finally {
			for (Process process : processes) {
				process.destroy();
			}
			for (Process process : processes) {
				process.waitFor();
			}
		}
		String report = report(db, schedules, slots, nodes, killSlot, clock, out);
		System.out.println(report);
		Files.writeString(out.resolve("schedule-" + nodes + "-nodes" + ((killSlot >= 0) ? "-kill" : "") + ".txt"),
				report, StandardCharsets.UTF_8);
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT COUNT(*), COUNT(DISTINCT (target_id, slot)) FROM run_backup "
							+ "WHERE origin = 'SCHEDULE'")) {
			rs.next();
			assertThat(rs.getLong(1) - rs.getLong(2)).as("duplicate runs").isZero();
			assertThat(rs.getLong(2)).as("one run per schedule and slot").isEqualTo((long) schedules * slots);
		}
	}

	/**
	 * Ends the queued runs as finished runners would, so the next slot creates new runs
	 * (a slot joins a database's still-active run instead of making a second one).
	 */
	private static void endRuns(TestDatabase.Coordinates db) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE run_backup SET state = 'CANCELLED', active_target_id = NULL, "
					+ "finished_at = created_at, cancel_reason = 'benchmark' WHERE state = 'QUEUED'");
		}
	}

	private static Process startNode(String name, TestDatabase.Coordinates db, Path startFile, Path out)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx768m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BenchmarkNode.class.getName());
		Map<String, String> properties = new TreeMap<>();
		properties.put("spring.datasource.url", db.jdbcUrl());
		properties.put("spring.datasource.username", db.user());
		properties.put("spring.datasource.password", db.password());
		// Production's cluster settings, not the tests' fast ones.
		properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "10000");
		properties.put("bench.node", name);
		properties.put("bench.start-file", startFile.toAbsolutePath().toString());
		properties.put("bench.first-slot", FIRST_SLOT.toString());
		properties.put("bench.lead", LEAD.toString());
		properties.put("bench.phase", PHASE.toString());
		// -Dbenchmark.property.<spring property>=<value> tries a setting on every node.
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("benchmark.property."))
			.forEach((key) -> properties.put(key.substring("benchmark.property.".length()), System.getProperty(key)));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		File log = out.resolve("node-" + name + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log))
			.start();
	}

	private static void awaitReady(Process process, Path log, Instant deadline) throws Exception {
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Node exited; see " + log);
			}
			if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("READY ")) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(
				"Node not ready in time; see " + log + " (or raise -Dbenchmark.startup-seconds on a loaded machine)");
	}

	/**
	 * Add-on resources with one database and its hourly schedule each, every one due at
	 * the first slot.
	 */
	private static void seed(TestDatabase.Coordinates db, int schedules) throws SQLException {
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement tenant = connection.prepareStatement(
					"INSERT INTO tenant (id, name, plan, region, state, created_at) VALUES (?, ?, 'pro', 'us', 'PROVISIONED', ?)");
					PreparedStatement schedule = connection.prepareStatement(
							"INSERT INTO schedule (target_id, tenant_id, frequency, minute_of_hour, time_zone, bucket, "
									+ "next_slot_at, updated_at) VALUES (?, ?, 'HOURLY', 0, ?, ?, ?, ?)");
					PreparedStatement database = connection.prepareStatement(
							"INSERT INTO target_database (id, tenant_id, label, engine, url_masked, exclude_tables, "
									+ "dump_options, created_at, updated_at) VALUES (?, ?, 'DATABASE', 'POSTGRES', "
									+ "'postgres://app:****@db.example.com:5432/app', '[]', '{}', ?, ?)")) {
				OffsetDateTime now = OffsetDateTime.now();
				for (int i = 0; i < schedules; i++) {
					UUID tenantId = UUID.randomUUID();
					UUID targetId = UUID.randomUUID();
					tenant.setObject(1, tenantId);
					tenant.setString(2, "bench-" + i);
					tenant.setObject(3, now);
					tenant.addBatch();
					ZoneId zone = ZONES.get(i % ZONES.size());
					schedule.setObject(1, targetId);
					schedule.setObject(2, tenantId);
					schedule.setString(3, zone.getId());
					schedule.setInt(4, StoredSchedule.bucket(targetId));
					schedule.setObject(5, ScheduleRepository.timestamp(FIRST_SLOT));
					schedule.setObject(6, now);
					schedule.addBatch();
					database.setObject(1, targetId);
					database.setObject(2, tenantId);
					database.setObject(3, now);
					database.setObject(4, now);
					database.addBatch();
					if (i % 1000 == 999) {
						tenant.executeBatch();
						schedule.executeBatch();
						database.executeBatch();
					}
				}
				tenant.executeBatch();
				schedule.executeBatch();
				database.executeBatch();
			}
			connection.commit();
		}
	}

	private static String report(TestDatabase.Coordinates db, int schedules, int slots, int nodes, int killSlot,
			SteppingClock clock, Path out) throws SQLException, IOException {
		StringBuilder report = new StringBuilder();
		report.append(String.format("schedule benchmark: %d hourly schedules, %d slot(s), %d web process(es)%s%n",
				schedules, slots, nodes, (killSlot >= 0) ? ", last one killed 2 s into slot " + killSlot : ""));
		report.append(String.format("machine: %d cores, load average %.2f at the end%n",
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		report.append(String.format("%-22s %8s %8s %9s %8s %10s %10s %10s %10s %s%n", "slot", "expected", "published",
				"runs", "dupes", "pub p50 s", "pub max s", "run p50 s", "run max s", "published per node"));
		try (Connection connection = db.connect()) {
			for (int i = 0; i < slots; i++) {
				Instant slot = FIRST_SLOT.plus(Duration.ofHours(i));
				List<Double> created = new ArrayList<>();
				long distinct;
				try (PreparedStatement ps = connection
					.prepareStatement("SELECT created_at FROM run_backup WHERE slot = ? AND origin = 'SCHEDULE'")) {
					ps.setObject(1, ScheduleRepository.timestamp(slot));
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							created.add(seconds(slot, rs.getObject(1, OffsetDateTime.class).toInstant()));
						}
					}
				}
				try (PreparedStatement ps = connection
					.prepareStatement("SELECT COUNT(DISTINCT target_id) FROM run_backup WHERE slot = ?")) {
					ps.setObject(1, ScheduleRepository.timestamp(slot));
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						distinct = rs.getLong(1);
					}
				}
				// One publication per batch: each of its slots was published at its date.
				List<Double> published = new ArrayList<>();
				java.util.Set<UUID> publishedTargets = new java.util.HashSet<>();
				try (PreparedStatement ps = connection.prepareStatement("SELECT publication_date, serialized_event "
						+ "FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?")) {
					ps.setString(1, BackupSlotsDue.class.getName());
					ps.setString(2, "%" + slotText(slot) + "%");
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							double at = seconds(slot, rs.getObject(1, OffsetDateTime.class).toInstant());
							for (BackupSlotDue due : JSON.readValue(rs.getString(2), BackupSlotsDue.class).slots()) {
								if (due.slot().equals(slot)) {
									published.add(at);
									publishedTargets.add(due.targetId());
								}
							}
						}
					}
				}
				assertThat(published).as("publications of slot %s", slot).hasSize(publishedTargets.size());
				report.append(String.format("%-22s %8d %9d %8d %8d %10.1f %10.1f %10.1f %10.1f %s%n", slot, schedules,
						published.size(), created.size(), created.size() - distinct, percentile(published, 50),
						percentile(published, 100), percentile(created, 50), percentile(created, 100),
						publishedPerNode(out, clock, i)));
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")) {
				rs.next();
				report.append("incomplete publications at the end: ").append(rs.getLong(1)).append('\n');
			}
		}
		return report.toString();
	}

	/**
	 * Slots each process published in slot {@code index}'s phase, from the dispatcher's
	 * {@code Shard i of n: published k slot(s)} log lines. A process creates the runs of
	 * the slots it publishes (the listener runs after the publishing transaction, in the
	 * same process).
	 */
	private static Map<String, Integer> publishedPerNode(Path out, SteppingClock clock, int index) throws IOException {
		Instant from = clock.realTimeOfSlot(index).minus(LEAD);
		Instant to = from.plus(PHASE);
		Pattern published = Pattern.compile("Shard \\d+ of \\d+: published (\\d+) slot");
		Map<String, Integer> perNode = new TreeMap<>();
		try (DirectoryStream<Path> logs = Files.newDirectoryStream(out, "node-*.log")) {
			for (Path log : logs) {
				String node = log.getFileName().toString().replaceAll("^node-|\\.log$", "");
				for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
					Matcher matcher = published.matcher(line);
					if (!matcher.find()) {
						continue;
					}
					Instant at;
					try {
						at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
					}
					catch (RuntimeException ex) {
						// a continuation line without a timestamp
						continue;
					}
					if (!at.isBefore(from) && at.isBefore(to)) {
						perNode.merge(node, Integer.parseInt(matcher.group(1)), Integer::sum);
					}
				}
			}
		}
		return perNode;
	}

	/** How the event publication registry writes the slot (ISO-8601 or epoch seconds). */
	private static String slotText(Instant slot) {
		return slot.toString().replace("Z", "");
	}

	private static double seconds(Instant slot, Instant at) {
		return Duration.between(slot, at).toMillis() / 1000.0;
	}

	private static double percentile(List<Double> values, int percentile) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static void sleepUntil(Instant instant) throws InterruptedException {
		long millis = Duration.between(Instant.now(), instant).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

}
