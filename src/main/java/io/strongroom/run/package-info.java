/**
 * The life of one backup run: its state machine (QUEUED → LAUNCHING → RUNNING → SUCCEEDED
 * | FAILED | CANCELLED), the one-time tickets runners authenticate with, the runner
 * callback API under {@code /runner/v1}, the launchers that start runners (a child
 * process, or a one-off dyno on the customer's app), and the watchdog that fails runs
 * whose runner went silent; and the verification of every successful backup, a runner job
 * launched, watched and called back like a run. See {@code docs/runs.md}.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.run;
