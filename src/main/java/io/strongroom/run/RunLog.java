package io.strongroom.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a runner's output with its run (or its verification), and reads it back a page at
 * a time. Callers mask secrets before they append. Only the local launcher hands output
 * here; a runner on a Heroku dyno writes to the app's log stream.
 */
class RunLog implements RunOutput {

	/** Where a dyno's output is, since Strongroom keeps none of it. */
	static final String ON_DYNO = "This runner ran on a one-off dyno of your Heroku app: its output went to the app's"
			+ " log stream (heroku logs --tail while it runs, or your log drain), and Strongroom keeps none of it.";

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

	/**
	 * The run's output after line number {@code cursor} (absent: from the start),
	 * {@code limit} lines at most.
	 * @param launcher the launcher that started the run's runner, if one did
	 * @throws InvalidCursorException when {@code cursor} is not a line number
	 */
	LogPage page(BackupRunId run, @Nullable String cursor, int limit, @Nullable String launcher) {
		return page(cursor, limit, launcher, (afterLineNo,
				page) -> this.lines.findPage(run.value(), afterLineNo, page).stream().map(RunLogLine::view).toList());
	}

	/** The verification's output, as {@link #page(BackupRunId, String, int, String)}. */
	LogPage page(VerificationId verification, @Nullable String cursor, int limit, @Nullable String launcher) {
		return page(cursor, limit, launcher,
				(afterLineNo, page) -> this.verificationLines.findPage(verification.value(), afterLineNo, page)
					.stream()
					.map(VerificationLogLine::view)
					.toList());
	}

	private LogPage page(@Nullable String cursor, int limit, @Nullable String launcher,
			BiFunction<Integer, Pageable, List<LogLine>> query) {
		int afterLineNo = lineNumber(cursor) - 1;
		// One more than asked for says whether a next page exists.
		List<LogLine> found = this.transactions
			.execute((status) -> query.apply(afterLineNo, PageRequest.of(0, limit + 1)));
		List<LogLine> items = found.stream().limit(limit).toList();
		String next = (found.size() > limit) ? Integer.toString(items.get(limit - 1).number()) : null;
		return new LogPage(items, next, "heroku".equals(launcher) ? ON_DYNO : null);
	}

	/** The line number a cursor names; 0 (before the first line) when there is none. */
	private static int lineNumber(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		try {
			int number = Integer.parseInt(cursor.trim());
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below, as for a negative number.
		}
		throw new InvalidCursorException(
				"cursor is the number of the last line you have (0 or more), such as nextCursor of the previous page");
	}

}
