package io.strongroom.heroku;

import java.util.List;
import java.util.Optional;

import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Under which name the add-on is attached to its app, which is the prefix of its config
 * vars there ({@code BACKUPS_DATABASE_URL} when attached {@code --as BACKUPS}). Read from
 * the Platform API and remembered on the tenant, where the target module finds it for the
 * runner's spec and the dashboard.
 */
@Service
public class AddonAttachments {

	/** The manifest's {@code config_vars_prefix}: the first attachment's default name. */
	public static final String DEFAULT_NAME = "STRONGROOM";

	private static final Logger log = LoggerFactory.getLogger(AddonAttachments.class);

	private final HerokuPlatformClient heroku;

	private final TenantRepository tenants;

	private final TransactionTemplate transactions;

	AddonAttachments(HerokuPlatformClient heroku, TenantRepository tenants, PlatformTransactionManager transactions) {
		this.heroku = heroku;
		this.tenants = tenants;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Asks Heroku under which name the add-on is attached to app {@code appId} and
	 * remembers it. When Heroku cannot answer, the name remembered from before is used;
	 * with none, nothing is guessed. Blocks on the Platform API: never call it inside a
	 * transaction.
	 * @return the attachment's name
	 * @throws AttachmentUnknownException when neither Heroku nor the tenant knows it, or
	 * the add-on is not attached to that app
	 */
	public String refresh(TenantId tenant, String appId) {
		List<HerokuAttachment> attachments;
		try {
			attachments = this.heroku.attachments(tenant);
		}
		catch (HerokuApiException ex) {
			String known = known(tenant);
			if (known != null) {
				log.warn("Could not read the attachments of add-on {} ({}); using the name it was attached under"
						+ " before, {}", tenant, ex.getMessage(), known);
				return known;
			}
			throw new AttachmentUnknownException(
					"Heroku did not say under which name the add-on is attached to" + " app " + appId + " ("
							+ ex.getMessage() + "), and Strongroom does not guess the names of its"
							+ " config vars there. "
							+ (ex.retryable() ? "This is usually brief; the next backup will try again."
									: "Check that the add-on is provisioned; the next backup will try again."),
					ex.retryable(), ex);
		}
		Optional<String> name = HerokuAttachment.nameOn(attachments, appId, DEFAULT_NAME);
		if (name.isEmpty()) {
			throw new AttachmentUnknownException("The add-on is not attached to app " + appId
					+ " any more, so that app has none of its config vars (the database URL, the encryption key)."
					+ " Attach it again (heroku addons:attach <add-on> --app <app>) and start the backup again.");
		}
		remember(tenant, name.get());
		return name.get();
	}

	private void remember(TenantId tenant, String name) {
		if (name.equals(known(tenant))) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> this.tenants.findById(tenant.value())
			.filter((found) -> !found.isDeprovisioned())
			.ifPresent((found) -> found.attachedAs(name)));
		log.info("Add-on {} is attached to its app as {}: its config vars there are {}_*", tenant, name, name);
	}

	private @Nullable String known(TenantId tenant) {
		return this.tenants.findById(tenant.value()).map(Tenant::attachmentName).orElse(null);
	}

}
