package io.strongroom.runner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerLoggingTests {

	@AfterEach
	void clearProperties() {
		System.clearProperty(RunnerLogging.ENABLED);
		System.clearProperty("logback.configurationFile");
	}

	@Test
	void aRunnerLogsWarningsOnStandardErrorOnly() {
		System.setProperty(RunnerLogging.ENABLED, "true");
		LoggerContext context = new LoggerContext();
		assertThat(new RunnerLogging().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
		ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		assertThat(root.getLevel()).isEqualTo(Level.WARN);
		assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
				(appender) -> assertThat(appender.getTarget()).isEqualTo("System.err"));
		assertThat(context.getLogger("org.postgresql").getLevel()).isEqualTo(Level.ERROR);
		assertThat(context.getLogger("org.mariadb.jdbc").getLevel()).isEqualTo(Level.ERROR);
	}

	@Test
	void theWebApplicationKeepsLogbacksOwnConfiguration() {
		LoggerContext context = new LoggerContext();
		assertThat(new RunnerLogging().configure(context)).isEqualTo(ExecutionStatus.NEUTRAL);
		assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
	}

	@Test
	void anOperatorsOwnFileWins() {
		System.setProperty(RunnerLogging.ENABLED, "true");
		System.setProperty("logback.configurationFile", "/etc/strongroom/logback.xml");
		assertThat(new RunnerLogging().configure(new LoggerContext())).isEqualTo(ExecutionStatus.NEUTRAL);
	}

}
