package io.strongroom.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strongroom.notify.DeliveryStore.NewDelivery;
import io.strongroom.notify.NoticeDecision.Decision;
import io.strongroom.system.StrongroomProperties;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DatabaseView;
import io.strongroom.target.Targets;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notify module's API. Each method decides, in the caller's transaction, which
 * notices an outcome causes (a transition, not a state) and records every delivery in the
 * outbox: a mail per recipient, the webhook, a line in the app's Heroku log. The worker
 * sends them afterwards. Safe to call twice with the same outcome: the second call
 * records nothing new.
 */
@Service
public class Notifications {

	/** The kind of a log line (every outcome, not a notice). */
	static final String OUTCOME = "BACKUP_OUTCOME";

	private final HealthStore health;

	private final DeliveryStore deliveries;

	private final Recipients recipients;

	private final TenantRepository tenants;

	private final ObjectProvider<WebhookEndpoints> webhooks;

	private final ObjectProvider<Targets> targets;

	private final MailRenderer renderer;

	private final NotifyProperties properties;

	private final StrongroomProperties strongroom;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Notifications(HealthStore health, DeliveryStore deliveries, Recipients recipients, TenantRepository tenants,
			ObjectProvider<WebhookEndpoints> webhooks, ObjectProvider<Targets> targets, NotifyProperties properties,
			StrongroomProperties strongroom, ObjectProvider<Clock> clock) {
		this.health = health;
		this.deliveries = deliveries;
		this.recipients = recipients;
		this.tenants = tenants;
		this.webhooks = webhooks;
		this.targets = targets;
		this.renderer = new MailRenderer(properties.mail().subjectPrefix());
		this.properties = properties;
		this.strongroom = strongroom;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * A backup run ended (succeeded, failed, stalled or was cancelled). A removed add-on
	 * hears nothing.
	 */
	@Transactional
	public void backupFinished(BackupOutcome outcome) {
		Tenant tenant = tenant(outcome.tenant());
		if (tenant.isDeprovisioned()) {
			return;
		}
		String label = outcome.databaseLabel();
		logLine(tenant, label, "log:backup:" + outcome.runId() + ":" + outcome.result(), outcome.at(),
				LogLines.backup(outcome));
		Health before = this.health.lock(outcome.tenant(), label);
		Decision decision = NoticeDecision.backup(before, outcome, this.properties.remindEvery());
		this.health.save(outcome.tenant(), label, decision.after(), now());
		for (NoticeKind kind : decision.notices()) {
			boolean failure = kind != NoticeKind.RECOVERED;
			Health streak = (kind == NoticeKind.RECOVERED) ? before : decision.after();
			notice(tenant, new Notice(kind, tenant.name(), tenant.appName(), label, outcome.runId(), outcome.at(),
					failure ? NoticeDecision.failureKind(outcome) : null, failure ? outcome.message() : null,
					streak.failingSince(), streak.failures(), this.strongroom.baseUrl(), urlConfigVar(tenant, label)),
					"backup:" + outcome.runId() + ":" + kind);
		}
	}

	/** A backup's verification ended. */
	@Transactional
	public void verificationFinished(VerificationOutcome outcome) {
		Tenant tenant = tenant(outcome.tenant());
		if (tenant.isDeprovisioned()) {
			return;
		}
		String label = outcome.databaseLabel();
		logLine(tenant, label, "log:verification:" + outcome.runId() + ":" + outcome.status(), outcome.at(),
				LogLines.verification(outcome));
		Health before = this.health.lock(outcome.tenant(), label);
		Decision decision = NoticeDecision.verification(before, outcome, this.properties.remindEvery());
		this.health.save(outcome.tenant(), label, decision.after(), now());
		for (NoticeKind kind : decision.notices()) {
			notice(tenant,
					new Notice(kind, tenant.name(), tenant.appName(), label, outcome.runId(), outcome.at(),
							outcome.failure(), outcome.detail(), null, 0, this.strongroom.baseUrl(),
							urlConfigVar(tenant, label)),
					"verification:" + outcome.runId() + ":" + kind);
		}
	}

	/**
	 * Schedule slots passed without a run (see {@link MissedSlots}): one log line and at
	 * most one notice, however many slots.
	 */
	@Transactional
	public void slotMissed(SlotMissed missed) {
		Tenant tenant = tenant(missed.tenant());
		if (tenant.isDeprovisioned()) {
			return;
		}
		String label = missed.databaseLabel();
		String event = "missed:" + missed.tenant() + ":" + label + ":" + missed.last();
		logLine(tenant, label, "log:" + event, missed.detectedAt(), LogLines.slotMissed(missed));
		Health before = this.health.lock(missed.tenant(), label);
		Decision decision = NoticeDecision.slotMissed(before, missed, this.properties.remindEvery());
		this.health.save(missed.tenant(), label, decision.after(), now());
		for (NoticeKind kind : decision.notices()) {
			Health after = decision.after();
			boolean missedNotice = kind == NoticeKind.SCHEDULE_MISSED;
			notice(tenant,
					new Notice(kind, tenant.name(), tenant.appName(), label, null, missed.detectedAt(),
							missedNotice ? "SCHEDULE_MISSED" : after.failureKind(),
							missedNotice ? missed.detail() : after.failureMessage(), after.failingSince(),
							after.failures(), this.strongroom.baseUrl(), urlConfigVar(tenant, label)),
					event + ":" + kind);
		}
	}

	/**
	 * Sends "still failing" reminders to every database that has failed for
	 * {@code remind-every} since its last notice without another outcome reminding it.
	 * @return how many databases were reminded
	 */
	@Transactional
	public int remindStillFailing() {
		Instant now = now();
		int reminded = 0;
		for (HealthStore.Failing failing : this.health.failingSince(now.minus(this.properties.remindEvery()))) {
			Health before = this.health.lock(failing.tenant(), failing.databaseLabel());
			Optional<Decision> decision = NoticeDecision.reminder(before, now, this.properties.remindEvery());
			if (decision.isEmpty()) {
				continue;
			}
			Tenant tenant = tenant(failing.tenant());
			if (tenant.isDeprovisioned()) {
				continue;
			}
			Health after = decision.get().after();
			this.health.save(failing.tenant(), failing.databaseLabel(), after, now);
			notice(tenant,
					new Notice(NoticeKind.STILL_FAILING, tenant.name(), tenant.appName(), failing.databaseLabel(),
							after.lastRunId(), now, after.failureKind(), after.failureMessage(), after.failingSince(),
							after.failures(), this.strongroom.baseUrl(), urlConfigVar(tenant, failing.databaseLabel())),
					"remind:" + failing.tenant() + ":" + failing.databaseLabel() + ":" + before.lastNoticeAt());
			reminded++;
		}
		return reminded;
	}

	/** The latest deliveries of a resource, newest first, for the dashboard. */
	@Transactional(readOnly = true)
	public List<SentNotice> recent(TenantId tenant, int limit) {
		return this.deliveries.recent(tenant, Math.max(1, Math.min(limit, 500)));
	}

	/** The addresses a resource's users added (besides the app owner). */
	@Transactional(readOnly = true)
	public List<String> addedRecipients(TenantId tenant) {
		return this.recipients.configured(tenant);
	}

	/**
	 * Replaces the addresses a resource's users added.
	 * @throws InvalidRecipient when one is not a mailbox (nothing changes then)
	 */
	@Transactional
	public List<String> replaceAddedRecipients(TenantId tenant, List<String> emails) {
		tenant(tenant);
		return this.recipients.replace(tenant, emails, now());
	}

	private void notice(Tenant tenant, Notice notice, String eventKey) {
		NoticeContent content = NoticeContent.of(notice);
		MailRenderer.Mail mail = this.renderer.render(content);
		String kind = notice.kind().name();
		for (String email : this.recipients.emailsFor(tenant.id())) {
			this.deliveries.enqueue(new NewDelivery(tenant.id(), notice.databaseLabel(), eventKey, kind, Channel.EMAIL,
					email, mail.subject(), mail.text(), mail.html(), null), now());
		}
		WebhookEndpoints endpoints = this.webhooks.getIfAvailable();
		if (endpoints != null && endpoints.endpointFor(tenant.id()).isPresent()) {
			String key = DeliveryStore.idempotencyKey(eventKey, Channel.WEBHOOK, "webhook");
			this.deliveries
				.enqueue(new NewDelivery(tenant.id(), notice.databaseLabel(), eventKey, kind, Channel.WEBHOOK,
						"webhook", mail.subject(), content.chatText(), null, webhookJson(key, notice, content)), now());
		}
	}

	private void logLine(Tenant tenant, String label, String eventKey, Instant at, String line) {
		if (tenant.logInputUrl() == null) {
			return;
		}
		this.deliveries.enqueue(new NewDelivery(tenant.id(), label, eventKey, OUTCOME, Channel.LOG, "log", null, line,
				null, LogplexFrames.message(at, label, line)), now());
	}

	/** The webhook body; {@code text} makes it a valid Slack incoming-webhook message. */
	String webhookJson(String deliveryId, Notice notice, NoticeContent content) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("id", deliveryId);
		body.put("type", notice.kind().code());
		body.put("text", content.chatText());
		body.put("subject", content.subject());
		body.put("addon", notice.addonName());
		body.put("app", notice.appName());
		body.put("database", notice.databaseLabel());
		body.put("run", (notice.runId() != null) ? notice.runId().toString() : null);
		body.put("at", notice.at().toString());
		body.put("failure", notice.failure());
		body.put("message", notice.message());
		body.put("failingSince", (notice.failingSince() != null) ? notice.failingSince().toString() : null);
		body.put("whatToDo", content.whatToDo());
		body.put("dashboard", content.dashboardUrl());
		return this.json.writeValueAsString(body);
	}

	/**
	 * The config var holding the database's URL on the customer's app, as named there;
	 * {@code null} when Strongroom keeps the URL (local mode) or the database is gone.
	 */
	private @Nullable String urlConfigVar(Tenant tenant, String label) {
		Targets found = this.targets.getIfAvailable();
		if (found == null) {
			return null;
		}
		return found.database(tenant.id(), new DatabaseLabel(label)).map(DatabaseView::urlConfigVar).orElse(null);
	}

	private Tenant tenant(TenantId id) {
		return this.tenants.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No add-on " + id));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
