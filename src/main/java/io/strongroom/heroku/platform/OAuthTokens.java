package io.strongroom.heroku.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.strongroom.heroku.HerokuApiException;
import io.strongroom.secrets.SealedSecrets;
import io.strongroom.secrets.SecretBox;
import io.strongroom.secrets.SecretBoxException;
import io.strongroom.tenant.TenantId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each add-on's Platform API tokens: exchanged from the provisioning grant exactly once,
 * kept sealed, refreshed shortly before they expire and after a 401, erased at
 * deprovision.
 */
public class OAuthTokens implements AccessTokenSource, SealedSecrets {

	private static final Log logger = LogFactory.getLog(OAuthTokens.class);

	private final OAuthTokenRepository repository;

	private final HerokuIdentityClient identity;

	private final SecretBox box;

	private final TransactionTemplate transactions;

	private final PlatformProperties properties;

	private final Clock clock;

	OAuthTokens(OAuthTokenRepository repository, HerokuIdentityClient identity, SecretBox box,
			TransactionTemplate transactions, PlatformProperties properties, Clock clock) {
		this.repository = repository;
		this.identity = identity;
		this.box = box;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the grant can be exchanged at all (a client secret is configured). */
	public boolean canExchange() {
		return this.identity.configured();
	}

	/** Whether the add-on's grant has been exchanged. */
	public boolean has(TenantId addon) {
		return this.repository.existsById(addon.value());
	}

	/**
	 * Exchanges the provisioning grant unless this add-on already has tokens: a replayed
	 * provision request carries the same single-use code.
	 * @return whether an exchange happened
	 * @throws HerokuApiException if id.heroku.com refused or could not be reached
	 */
	public boolean exchangeGrant(TenantId addon, String code) {
		if (has(addon)) {
			return false;
		}
		TokenGrant grant = this.identity.exchange(code);
		if (grant.refreshToken() == null) {
			throw new HerokuApiException("Exchanging the OAuth grant failed: the answer has no refresh_token", 200,
					null, false, null);
		}
		UUID id = addon.value();
		Instant now = this.clock.instant();
		try {
			this.transactions.executeWithoutResult((status) -> this.repository
				.saveAndFlush(new OAuthToken(id, this.box.seal(grant.accessToken(), OAuthToken.accessContext(id)),
						this.box.seal(grant.refreshToken(), OAuthToken.refreshContext(id)), now.plus(grant.expiresIn()),
						now)));
		}
		catch (DataIntegrityViolationException ex) {
			// another process stored tokens for this add-on first; theirs are as good
			logger.warn("Tokens for add-on " + addon + " were stored concurrently; keeping the first");
			return false;
		}
		logger.info("Exchanged the OAuth grant of add-on " + addon + "; the access token expires in "
				+ grant.expiresIn().toMinutes() + " min");
		return true;
	}

	/** Forgets the add-on's tokens (deprovision). */
	public void erase(TenantId addon) {
		this.repository.findById(addon.value()).ifPresent(this.repository::delete);
	}

	@Override
	public String current(TenantId addon) {
		OAuthToken token = this.repository.findById(addon.value()).orElseThrow(() -> noTokens(addon));
		if (token.expiresAt().minus(this.properties.refreshBefore()).isAfter(this.clock.instant())) {
			return this.box.open(token.accessTokenSealed(), OAuthToken.accessContext(addon.value()));
		}
		return refresh(addon, null);
	}

	@Override
	public String refreshedAfterRejection(TenantId addon, String rejected) {
		return refresh(addon, rejected);
	}

	private String refresh(TenantId addon, @Nullable String rejected) {
		UUID id = addon.value();
		String token = this.transactions.execute((status) -> {
			OAuthToken stored = this.repository.findForUpdate(id).orElseThrow(() -> noTokens(addon));
			String access = this.box.open(stored.accessTokenSealed(), OAuthToken.accessContext(id));
			Instant now = this.clock.instant();
			boolean stillFresh = stored.expiresAt().minus(this.properties.refreshBefore()).isAfter(now);
			if ((rejected == null && stillFresh) || (rejected != null && !access.equals(rejected))) {
				return access; // refreshed meanwhile by another thread or process
			}
			TokenGrant grant = this.identity
				.refresh(this.box.open(stored.refreshTokenSealed(), OAuthToken.refreshContext(id)));
			String refreshToken = (grant.refreshToken() != null)
					? this.box.seal(grant.refreshToken(), OAuthToken.refreshContext(id)) : stored.refreshTokenSealed();
			stored.refreshed(this.box.seal(grant.accessToken(), OAuthToken.accessContext(id)), refreshToken,
					now.plus(grant.expiresIn()), now);
			logger.info("Refreshed the Platform API token of add-on " + addon
					+ ((rejected != null) ? " after Heroku rejected it" : " before it expires"));
			return grant.accessToken();
		});
		if (token == null) {
			throw noTokens(addon);
		}
		return token;
	}

	@Override
	public int resealWithCurrentKey(SecretBox box) {
		int count = 0;
		for (UUID id : this.repository.findAllTenantIds()) {
			Boolean resealed;
			try {
				resealed = this.transactions.execute((status) -> this.repository.findForUpdate(id).map((token) -> {
					if (box.isSealedWithCurrentKey(token.accessTokenSealed())
							&& box.isSealedWithCurrentKey(token.refreshTokenSealed())) {
						return false;
					}
					token.resealed(
							box.seal(box.open(token.accessTokenSealed(), OAuthToken.accessContext(id)),
									OAuthToken.accessContext(id)),
							box.seal(box.open(token.refreshTokenSealed(), OAuthToken.refreshContext(id)),
									OAuthToken.refreshContext(id)));
					return true;
				}).orElse(false));
			}
			catch (SecretBoxException ex) {
				logger.error("Cannot re-seal the OAuth tokens of add-on " + id + ": " + ex.getMessage());
				continue;
			}
			if (Boolean.TRUE.equals(resealed)) {
				count++;
			}
		}
		return count;
	}

	private static HerokuApiException noTokens(TenantId addon) {
		return new HerokuApiException("Add-on " + addon + " has no Platform API token (its grant was never exchanged)",
				0, null, false, null);
	}

}
