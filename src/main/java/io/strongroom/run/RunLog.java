package io.strongroom.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a runner's output with its run (or its verification). Callers mask secrets before
 * they append.
 */
class RunLog implements RunOutput {

	private final RunLogRepository lines;

	private final VerificationLogRepository verificationLines;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RunLog(RunLogRepository lines, VerificationLogRepository verificationLines, TransactionTemplate transactions,
			Clock clock) {
		this.lines = lines;
		this.verificationLines = verificationLines;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void append(RunnerJob job, int firstLineNo, List<String> masked) {
		if (masked.isEmpty()) {
			return;
		}
		List<RunnerLogLine> numbered = new ArrayList<>(masked.size());
		for (int i = 0; i < masked.size(); i++) {
			numbered.add(new RunnerLogLine(firstLineNo + i, this.clock.instant(), masked.get(i)));
		}
		if (job.isBackup()) {
			BackupRunId run = new BackupRunId(job.id());
			List<RunLogLine> rows = numbered.stream().map((line) -> new RunLogLine(run, line)).toList();
			this.transactions.executeWithoutResult((status) -> this.lines.saveAll(rows));
		}
		else {
			VerificationId verification = new VerificationId(job.id());
			List<VerificationLogLine> rows = numbered.stream()
				.map((line) -> new VerificationLogLine(verification, line))
				.toList();
			this.transactions.executeWithoutResult((status) -> this.verificationLines.saveAll(rows));
		}
	}

	List<String> lines(VerificationId verification) {
		return this.transactions
			.execute((status) -> this.verificationLines.findByVerificationIdOrderByLineNo(verification.value())
				.stream()
				.map(VerificationLogLine::line)
				.toList());
	}

	List<String> lines(BackupRunId run) {
		return this.transactions.execute(
				(status) -> this.lines.findByRunIdOrderByLineNo(run.value()).stream().map(RunLogLine::line).toList());
	}

}
