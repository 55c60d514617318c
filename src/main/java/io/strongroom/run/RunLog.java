package io.strongroom.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

/** Keeps a runner's output with its run. Callers mask secrets before they append. */
class RunLog implements RunOutput {

	private final RunLogRepository lines;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RunLog(RunLogRepository lines, TransactionTemplate transactions, Clock clock) {
		this.lines = lines;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void append(BackupRunId run, int firstLineNo, List<String> masked) {
		if (masked.isEmpty()) {
			return;
		}
		List<RunLogLine> rows = new ArrayList<>(masked.size());
		for (int i = 0; i < masked.size(); i++) {
			rows.add(new RunLogLine(run, firstLineNo + i, this.clock.instant(), masked.get(i)));
		}
		this.transactions.executeWithoutResult((status) -> this.lines.saveAll(rows));
	}

	List<String> lines(BackupRunId run) {
		return this.transactions.execute(
				(status) -> this.lines.findByRunIdOrderByLineNo(run.value()).stream().map(RunLogLine::line).toList());
	}

}
