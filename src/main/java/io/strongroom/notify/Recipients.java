package io.strongroom.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import io.strongroom.tenant.TenantUser;
import io.strongroom.tenant.TenantUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is told: the app owner (or, when unknown, the resource's users) and the addresses
 * the resource's users added.
 * <p>
 * When an {@link AppOwnerLookup} exists, the owner is recorded as the symbolic recipient
 * {@value #OWNER} and looked up when the mail is sent: the lookup may call Heroku, which
 * must never happen inside the transaction that records the notice.
 */
@Component
class Recipients {

	private static final Logger log = LoggerFactory.getLogger(Recipients.class);

	/** The v1 {@code heroku_id}: an identifier, not a mailbox. */
	private static final Pattern HEROKU_ID = Pattern.compile("app\\d+@heroku\\.com", Pattern.CASE_INSENSITIVE);

	private final ObjectProvider<AppOwnerLookup> owners;

	private final TenantUserRepository users;

	private final JdbcClient jdbc;

	private final TenantRepository tenants;

	Recipients(ObjectProvider<AppOwnerLookup> owners, TenantUserRepository users, TenantRepository tenants,
			JdbcClient jdbc) {
		this.owners = owners;
		this.tenants = tenants;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** The recipient that stands for the app owner until the mail is sent. */
	static final String OWNER = "owner";

	/**
	 * Everyone to mail about this resource, each address once (case-insensitively):
	 * {@value #OWNER} or the users, then the added addresses. No remote call.
	 */
	List<String> emailsFor(TenantId tenant) {
		Map<String, String> emails = new LinkedHashMap<>();
		if (this.owners.getIfAvailable() != null && appKnown(tenant)) {
			emails.put(OWNER, OWNER);
		}
		else {
			users(tenant).forEach((e) -> add(emails, e));
		}
		configured(tenant).forEach((e) -> add(emails, e));
		return List.copyOf(emails.values());
	}

	/**
	 * The addresses {@value #OWNER} stands for, looked up now (outside any transaction):
	 * the app owner, or the resource's users when the owner is unknown.
	 * @throws DeliveryFailure (retryable) when the owner cannot be looked up now
	 */
	List<String> ownerAddresses(TenantId tenant) throws DeliveryFailure {
		AppOwnerLookup lookup = this.owners.getIfAvailable();
		Optional<String> owner;
		try {
			owner = (lookup != null) ? lookup.ownerEmail(tenant).filter((e) -> !HEROKU_ID.matcher(e).matches())
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			throw new DeliveryFailure("could not look up the app owner: " + ex.getClass().getSimpleName(), true);
		}
		Map<String, String> emails = new LinkedHashMap<>();
		if (owner.isPresent()) {
			add(emails, owner.get());
		}
		if (emails.isEmpty()) {
			users(tenant).forEach((e) -> add(emails, e));
		}
		return List.copyOf(emails.values());
	}

	/**
	 * Whether the resource's Heroku app is known: without it there is no owner to look up
	 * (the embedded default, a provisioning in progress), so the users are told at once.
	 */
	private boolean appKnown(TenantId tenant) {
		return this.tenants.findById(tenant.value()).map((t) -> t.herokuAppId() != null).orElse(false);
	}

	private List<String> users(TenantId tenant) {
		return this.users.findByTenantIdOrderByCreatedAt(tenant.value()).stream().map(TenantUser::email).toList();
	}

	List<String> configured(TenantId tenant) {
		return this.jdbc.sql("SELECT email FROM notify_recipient WHERE tenant_id = :tenant ORDER BY created_at, email")
			.param("tenant", tenant.value())
			.query(String.class)
			.list();
	}

	/** Replaces the added addresses; each must be a mailbox, else nothing changes. */
	List<String> replace(TenantId tenant, List<String> emails, Instant now) {
		List<String> valid = new ArrayList<>();
		for (String email : emails) {
			String checked = check(email);
			if (valid.stream().noneMatch(checked::equalsIgnoreCase)) {
				valid.add(checked);
			}
		}
		this.jdbc.sql("DELETE FROM notify_recipient WHERE tenant_id = :tenant")
			.param("tenant", tenant.value())
			.update();
		for (String email : valid) {
			this.jdbc.sql("INSERT INTO notify_recipient (tenant_id, email, created_at) VALUES (:tenant, :email, :now)")
				.param("tenant", tenant.value())
				.param("email", email)
				.param("now", DeliveryStore.time(now))
				.update();
		}
		return valid;
	}

	static String check(String email) {
		String trimmed = (email != null) ? email.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > 320) {
			throw new InvalidRecipient("An email address must have between 1 and 320 characters");
		}
		if (HEROKU_ID.matcher(trimmed).matches()) {
			throw new InvalidRecipient(trimmed + " is a Heroku app id, not a mailbox; give a person's address");
		}
		try {
			InternetAddress address = new InternetAddress(trimmed, true);
			if (address.getPersonal() != null || !trimmed.equals(address.getAddress()) || !trimmed.contains(".")) {
				throw new AddressException("not a bare address");
			}
		}
		catch (AddressException ex) {
			throw new InvalidRecipient("'" + trimmed + "' is not an email address like ops@example.com");
		}
		return trimmed;
	}

	private static void add(Map<String, String> emails, String email) {
		try {
			String checked = check(email);
			emails.putIfAbsent(checked.toLowerCase(Locale.ROOT), checked);
		}
		catch (InvalidRecipient ex) {
			log.warn("Skipping a recipient that is not a mailbox: {}", ex.getMessage());
		}
	}

}
