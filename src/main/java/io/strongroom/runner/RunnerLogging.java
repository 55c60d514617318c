package io.strongroom.runner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The runner's logging: warnings only, on standard error. Standard output is reserved for
 * the result (its last line is JSON), and the runner prints its own progress lines.
 * Configured in code, found by logback through {@code ServiceLoader} when the library
 * logs first: parsing an XML file took ~600 classes and a tenth of a second of a cold
 * runner's CPU. The web application is left to logback's usual configuration (this
 * answers {@code NEUTRAL} there), and so is a runner started with its own
 * {@code -Dlogback.configurationFile}.
 */
public final class RunnerLogging extends ContextAwareBase implements Configurator {

	/** Set by the runner's entry point before anything logs. */
	static final String ENABLED = "strongroom.runner-logging";

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		if (System.getProperty(ENABLED) == null || System.getProperty("logback.configurationFile") != null) {
			return ExecutionStatus.NEUTRAL;
		}
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("strongroom: %level %logger{20}: %msg%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
		stderr.setContext(context);
		stderr.setName("STDERR");
		stderr.setTarget("System.err");
		stderr.setEncoder(encoder);
		stderr.start();
		ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(stderr);
		// the JDBC drivers log refused logins as warnings; the runner reports them itself
		context.getLogger("org.mariadb.jdbc").setLevel(Level.ERROR);
		context.getLogger("org.postgresql").setLevel(Level.ERROR);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

}
