package io.strongroom.run;

/**
 * Starts runners somewhere and can tell whether they still live. One implementation per
 * place a runner can live (a child process, a one-off dyno); the same runner code runs
 * under each.
 * <p>
 * The contract every implementation keeps (checked by {@code RunLauncherContractTests}):
 * <ul>
 * <li>{@link #launch} returns once the runner has been started, not when it finishes, and
 * the runner is told only {@link LaunchRequest#callbackUrl()}: the ticket and every
 * secret travel in its environment, never in its argument list or command line.</li>
 * <li>{@link #launch} throws {@link LaunchException} (with a message that holds no
 * secret) when it could not start the runner; a runner it reports started will call back
 * or be found gone by {@link #status}.</li>
 * <li>{@link #status} of a handle it does not know (another process launched it, or this
 * process restarted) answers {@link RunnerStatus#unknown()}, never throws.</li>
 * <li>{@link #stop} is idempotent and safe on a runner that already ended.</li>
 * </ul>
 */
interface RunLauncher {

	/** The name recorded on runs ({@code local}, {@code heroku}). */
	String name();

	/** How many more runners may start now; the rest stay QUEUED. */
	int capacity();

	/**
	 * Asked inside the transaction that claims a job for this launcher, just before the
	 * job becomes LAUNCHING: whether one more runner may start. A launcher whose limit
	 * every web process shares answers under a lock held until that transaction ends, so
	 * the answer and the claim are one.
	 */
	default boolean hasRoomForAnother() {
		return capacity() > 0;
	}

	LaunchHandle launch(LaunchRequest request) throws LaunchException;

	RunnerStatus status(LaunchHandle handle);

	void stop(LaunchHandle handle);

}
