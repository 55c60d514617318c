package io.strongroom.run;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import io.strongroom.heroku.AddonAttachments;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.system.StrongroomProperties;
import io.strongroom.target.Targets;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RunConfiguration {

	private final TransactionTemplate transactions;

	private final Clock clock;

	RunConfiguration(PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Bean
	CallbackBase runCallbackBase(StrongroomProperties strongroom, RunProperties properties) {
		return new CallbackBase(strongroom, properties.callbackUrl(), "local".equals(launcher(properties)));
	}

	@Bean
	RunLifecycle runLifecycle(BackupRunRepository runs, Targets targets, TenantRepository tenants, PlanCatalog plans,
			RunProperties properties, CallbackBase callbacks, RunLauncher launcher, DestinationClient destinations,
			ApplicationEventPublisher events) {
		return new RunLifecycle(runs, targets, tenants, plans, properties, callbacks, launcher, destinations, events,
				this.transactions, this.clock);
	}

	static String launcher(RunProperties properties) {
		return properties.launcher().trim().toLowerCase(Locale.ROOT);
	}

	@Bean
	RunCallbacks runCallbacks(RunLifecycle lifecycle, Targets targets, RunProperties properties,
			ApplicationEventPublisher events, JsonMapper json) {
		return new RunCallbacks(lifecycle, targets, properties, events, json);
	}

	@Bean
	RunLog runLog(RunLogRepository lines, VerificationLogRepository verificationLines) {
		return new RunLog(lines, verificationLines, this.transactions, this.clock);
	}

	@Bean
	VerificationLifecycle verificationLifecycle(BackupVerificationRepository verifications, BackupRunRepository runs,
			Targets targets, TenantRepository tenants, PlanCatalog plans, RunProperties properties,
			VerificationProperties verification, CallbackBase callbacks, RunLauncher launcher,
			ApplicationEventPublisher events) {
		return new VerificationLifecycle(verifications, runs, targets, tenants, plans, properties, verification,
				callbacks, launcher, events, this.transactions, this.clock);
	}

	@Bean
	VerificationCallbacks verificationCallbacks(BackupRunRepository runs, VerificationLifecycle lifecycle,
			Targets targets, RunProperties properties, JsonMapper json) {
		return new VerificationCallbacks(runs, lifecycle, targets, properties, this.transactions, json);
	}

	@Bean
	Verifications verifications(BackupVerificationRepository verifications, BackupRunRepository runs,
			VerificationLifecycle lifecycle, RunDispatcher dispatcher, RunLog log) {
		return new Verifications(verifications, runs, lifecycle, dispatcher, log, this.transactions);
	}

	@Bean
	RunnerBundle runnerBundle(RunProperties properties) {
		return new RunnerBundle(properties.heroku().bundle());
	}

	@Bean
	RunLauncher runLauncher(RunProperties properties, RunLog log, ObjectProvider<RunWatchdog> watchdog,
			ObjectProvider<RunDispatcher> dispatcher, RunnerBundle bundle, StrongroomProperties strongroom,
			ObjectProvider<HerokuPlatformClient> heroku, ObjectProvider<AddonAttachments> attachments,
			JdbcClient jdbc) {
		String launcher = launcher(properties);
		if ("heroku".equals(launcher)) {
			RunProperties.Heroku settings = properties.heroku();
			return new HerokuRunLauncher(heroku.getObject(), attachments.getObject(), bundle,
					strongroom.baseUrl().toString(), settings.dynoSize(), settings.timeToLive(),
					settings.maxConcurrent(), new LaunchedRunners(jdbc));
		}
		if (!"local".equals(launcher)) {
			throw new IllegalStateException("strongroom.run.launcher must be local or heroku, not " + launcher);
		}
		RunProperties.Local local = properties.local();
		List<String> command = local.command().isEmpty() ? LocalRunnerCommand.resolve(local.java(), local.jar())
				: local.command();
		return new LocalRunLauncher(command, local.maxConcurrent(), local.maxLogLines(), log, (exited) -> {
			watchdog.getObject().exited(exited);
			// A runner ended: its place goes to the next queued run now.
			dispatcher.getObject().wakeUp();
		});
	}

	@Bean
	StoreDestinationClient runDestinationClient() {
		return new StoreDestinationClient();
	}

	@Bean
	RunDispatcher runDispatcher(RunLifecycle runs, VerificationLifecycle verifications, RunLauncher launcher) {
		return new RunDispatcher(List.of(runs, verifications), launcher);
	}

	@Bean
	RunWatchdog runWatchdog(RunLifecycle runs, VerificationLifecycle verifications, RunLauncher launcher,
			RunProperties properties) {
		return new RunWatchdog(List.of(runs, verifications), launcher, properties);
	}

	@Bean
	ScheduledRuns scheduledRuns(Targets targets, NamedParameterJdbcTemplate jdbc, RunLifecycle lifecycle,
			RunDispatcher dispatcher) {
		return new ScheduledRuns(targets, jdbc, lifecycle, dispatcher, this.transactions);
	}

	@Bean
	Runs runs(BackupRunRepository runs, RunLifecycle lifecycle, RunDispatcher dispatcher, RunLog log, Targets targets,
			DestinationClient destinations, ApplicationEventPublisher events, JsonMapper json,
			ScheduledRuns scheduled) {
		return new Runs(runs, lifecycle, dispatcher, log, targets, destinations, events, this.transactions, json,
				scheduled);
	}

	@Bean
	RunRetentionRecords runRetentionRecords(BackupRunRepository runs, RunLifecycle lifecycle) {
		return new RunRetentionRecords(runs, lifecycle, this.transactions.getTransactionManager());
	}

	@Bean
	RunStatistics runStatistics(BackupRunRepository runs, JsonMapper json) {
		return new RunStatistics(runs, this.transactions, json);
	}

	@Bean
	RunTimers runTimers(RunDispatcher dispatcher, RunWatchdog watchdog, RunLauncher launcher,
			RunProperties properties) {
		return new RunTimers(dispatcher, watchdog, launcher, properties);
	}

}
