package io.strongroom.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.retention.BackupStatistics;
import io.strongroom.retention.StatisticsChange;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.tenant.TenantId;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics history of one database: every successful backup's statistics (as the
 * runner measured them in the dump's snapshot) with the change since the backup before.
 * Backups retention deleted keep their place in the history: the record, not the object,
 * holds the statistics.
 */
public class RunStatistics {

	private static final Logger log = LoggerFactory.getLogger(RunStatistics.class);

	private final BackupRunRepository runs;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	RunStatistics(BackupRunRepository runs, TransactionTemplate transactions, JsonMapper json) {
		this.runs = runs;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * The backups that finished from {@code from} (inclusive) to {@code to} (exclusive),
	 * oldest first, each with its change since the backup before it (for the first, the
	 * last backup before {@code from}).
	 */
	public List<StatisticsChange> history(TenantId tenant, DatabaseLabel label, Instant from, Instant to) {
		return this.transactions.execute((status) -> {
			List<BackupStatistics> backups = new ArrayList<>();
			for (BackupRun run : this.runs
				.findByTenantIdAndDatabaseLabelAndStateAndFinishedAtGreaterThanEqualAndFinishedAtLessThanOrderByFinishedAtAsc(
						tenant.value(), label.value(), RunState.SUCCEEDED, from, to)) {
				statistics(run).ifPresent(backups::add);
			}
			BackupStatistics before = this.runs
				.findFirstByTenantIdAndDatabaseLabelAndStateAndFinishedAtLessThanAndStatisticsIsNotNullOrderByFinishedAtDesc(
						tenant.value(), label.value(), RunState.SUCCEEDED, from)
				.flatMap(this::statistics)
				.orElse(null);
			return StatisticsChange.series(backups, before);
		});
	}

	private Optional<BackupStatistics> statistics(BackupRun run) {
		String text = run.statisticsJson();
		if (text == null || run.finishedAt() == null) {
			return Optional.empty();
		}
		try {
			JsonNode root = this.json.readTree(text);
			List<BackupStatistics.TableSize> tables = new ArrayList<>();
			for (JsonNode table : root.path("tables")) {
				tables.add(new BackupStatistics.TableSize(text(table, "schema"), text(table, "name"),
						table.path("rows").asLong(0), table.path("tableBytes").asLong(0),
						table.path("indexBytes").asLong(0)));
			}
			return Optional.of(new BackupStatistics(run.id().value(), run.finishedAt(),
					root.path("databaseBytes").asLong(0), tables));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// a runner of another version wrote something this one cannot read: the
			// backup is left out of the history rather than failing all of it
			log.warn("Statistics of run {} left out of the history: {}", run.id(), ex.getMessage());
			return Optional.empty();
		}
	}

	private static String text(JsonNode node, String field) {
		@Nullable JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("a table has no " + field);
		}
		return value.asString();
	}

}
