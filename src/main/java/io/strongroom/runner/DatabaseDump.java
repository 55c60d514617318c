package io.strongroom.runner;

/**
 * Starts a consistent dump of one database with the engine's own dump tool.
 * <p>
 * Implementations keep this contract:
 * <ul>
 * <li>the password never reaches the tool's argument list (it travels in a 0600 file in a
 * private temporary folder), and no message holds it;</li>
 * <li>{@link StartedDump#statistics()} describes the data the stream contains (excluded
 * tables are absent from both);</li>
 * <li>a failure before the tool runs is thrown here as a {@link RunnerFailure} whose kind
 * says what to do ({@link FailureKind#CONNECTION_REFUSED},
 * {@link FailureKind#AUTHENTICATION_FAILED}, {@link FailureKind#PERMISSION_DENIED},
 * {@link FailureKind#CLIENT_TOO_OLD}, {@link FailureKind#DUMP_FAILED},
 * {@link FailureKind#USAGE}), and nothing is left behind (no connection, no process, no
 * file);</li>
 * <li>the request's {@link DumpRequest#beforeTool()} runs once, before the tool starts;
 * its failure is thrown as it is, with nothing left behind either.</li>
 * </ul>
 */
public interface DatabaseDump {

	/**
	 * Connects, collects the statistics and starts the dump tool.
	 * @param request what to dump
	 * @return the running dump; the caller reads its stdout to the end, then calls
	 * {@link StartedDump#awaitSuccess()}, and always closes it
	 * @throws RunnerFailure when the dump cannot start
	 */
	StartedDump start(DumpRequest request) throws RunnerFailure;

	/**
	 * The dump for an engine. {@link Engine#MYSQL} and {@link Engine#MARIADB} share one
	 * implementation, which tells the two apart from the server's version.
	 */
	static DatabaseDump forEngine(Engine engine) {
		return switch (engine) {
			case POSTGRES -> new PostgresDump();
			case MYSQL, MARIADB -> new MysqlDump();
		};
	}

}
