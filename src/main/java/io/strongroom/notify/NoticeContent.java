package io.strongroom.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The words of a notice: what happened, why, and what to do. Shared by mail (both parts),
 * webhook and dashboard, so they never disagree.
 *
 * @param subject the mail subject, without the operator's prefix
 * @param headline one sentence: what happened
 * @param facts label and value pairs (database, app, run, time, error)
 * @param why why it matters or what caused it
 * @param whatToDo steps a person can take, in order
 * @param dashboardUrl where to act
 * @param command the Heroku CLI command that opens the dashboard
 */
record NoticeContent(String subject, String headline, List<Fact> facts, String why, List<String> whatToDo,
		String dashboardUrl, String command) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	NoticeContent {
		facts = List.copyOf(facts);
		whatToDo = List.copyOf(whatToDo);
	}

	/** A label and its value. */
	record Fact(String label, String value) {

	}

	static String time(Instant at) {
		return TIME.format(at);
	}

	static NoticeContent of(Notice notice) {
		String where = notice.where();
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("Database", notice.databaseLabel()));
		facts.add(new Fact("App", (notice.appName() != null) ? notice.appName() : "(not known yet)"));
		facts.add(new Fact("Add-on", notice.addonName()));
		String subject;
		String headline;
		String why;
		List<String> whatToDo = new ArrayList<>();
		switch (notice.kind()) {
			case FIRST_FAILURE -> {
				subject = "Backup of " + where + " failed";
				headline = "The backup of " + where + " failed at " + time(notice.at()) + ".";
				why = FailureAdvice.cause(notice.failure());
				whatToDo.addAll(FailureAdvice.steps(notice.failure(), notice.urlConfigVar()));
				failureFacts(facts, notice);
			}
			case STILL_FAILING -> {
				subject = "Backups of " + where + " are still failing";
				headline = "Backups of " + where + " have failed " + notice.failures() + " "
						+ ((notice.failures() == 1) ? "time" : "times") + " since "
						+ time(Objects.requireNonNull(notice.failingSince())) + ".";
				why = "There is no new backup since then; the newest successful backup is older than "
						+ time(Objects.requireNonNull(notice.failingSince())) + ". "
						+ FailureAdvice.cause(notice.failure());
				whatToDo.addAll(FailureAdvice.steps(notice.failure(), notice.urlConfigVar()));
				whatToDo.add("You get this reminder until a backup succeeds.");
				failureFacts(facts, notice);
			}
			case RECOVERED -> {
				subject = "Backups of " + where + " work again";
				headline = "The backup of " + where + " succeeded at " + time(notice.at()) + ".";
				why = (notice.failingSince() != null)
						? "Backups had been failing since " + time(notice.failingSince()) + " (" + notice.failures()
								+ " " + ((notice.failures() == 1) ? "failure" : "failures") + ")."
						: "Backups had been failing.";
				whatToDo.add("Nothing: new backups are taken on schedule again.");
				runFact(facts, notice);
			}
			case VERIFICATION_FAILED -> {
				subject = "A backup of " + where + " failed verification";
				headline = "The backup of " + where + " taken by run " + notice.runId() + " failed verification at "
						+ time(notice.at()) + ".";
				why = FailureAdvice.verificationCause(notice.failure()) + " This backup cannot be trusted for a"
						+ " restore. Strongroom keeps your newest verified backup and does not delete it.";
				whatToDo.addAll(FailureAdvice.verificationSteps(notice.failure(), notice.urlConfigVar()));
				whatToDo.add("Start a new backup from the dashboard, so a verified one is recent.");
				failureFacts(facts, notice);
			}
			case SCHEDULE_MISSED -> {
				subject = "The scheduled backup of " + where + " did not run";
				headline = "No backup of " + where + " started on schedule (noticed at " + time(notice.at()) + ").";
				why = FailureAdvice.cause("SCHEDULE_MISSED");
				whatToDo.addAll(FailureAdvice.steps("SCHEDULE_MISSED"));
				if (notice.message() != null) {
					facts.add(new Fact("Detail", notice.message()));
				}
			}
			case STALLED -> {
				subject = "A backup of " + where + " stalled and was stopped";
				headline = "The backup of " + where + " stopped reporting progress and was stopped at "
						+ time(notice.at()) + ".";
				why = FailureAdvice.cause("STALLED");
				whatToDo.addAll(FailureAdvice.steps("STALLED"));
				failureFacts(facts, notice);
			}
			default -> throw new IllegalStateException("Unknown notice " + notice.kind());
		}
		String command = "heroku addons:open " + notice.addonName()
				+ ((notice.appName() != null) ? " --app " + notice.appName() : "");
		return new NoticeContent(subject, headline, facts, why, whatToDo, notice.dashboardUrl().toString(), command);
	}

	private static void runFact(List<Fact> facts, Notice notice) {
		if (notice.runId() != null) {
			facts.add(new Fact("Run", notice.runId().toString()));
		}
		facts.add(new Fact("Time", time(notice.at())));
	}

	private static void failureFacts(List<Fact> facts, Notice notice) {
		runFact(facts, notice);
		if (notice.failure() != null) {
			facts.add(new Fact("Failure", notice.failure()));
		}
		if (notice.message() != null) {
			facts.add(new Fact("Error", notice.message()));
		}
	}

	/** Plain text for chat: the subject, the headline, the first step, the link. */
	String chatText() {
		StringBuilder text = new StringBuilder();
		text.append('*').append(slackEscape(this.subject)).append("*\n").append(slackEscape(this.headline));
		for (Fact fact : this.facts) {
			if (fact.label().equals("Error")) {
				text.append("\n> ").append(slackEscape(fact.value()));
			}
		}
		if (!this.whatToDo.isEmpty()) {
			text.append("\nWhat to do: ").append(slackEscape(this.whatToDo.get(0)));
		}
		text.append("\n<").append(this.dashboardUrl).append("|Open Strongroom>");
		return text.toString();
	}

	/** Slack's three control characters; everything else is sent as is. */
	static String slackEscape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
