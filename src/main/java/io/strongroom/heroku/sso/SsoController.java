package io.strongroom.heroku.sso;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import io.strongroom.heroku.HerokuCredentials;
import io.strongroom.heroku.SignedInUser;
import io.strongroom.heroku.sso.SsoSignIn.Outcome;
import io.strongroom.heroku.sso.SsoTokens.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Heroku's single sign-on ({@code heroku-addon.md} §3): Heroku's page posts a form here
 * from the customer's browser; a valid one starts a dashboard session bound to that one
 * resource. Every refusal is a short plain-text answer a person can act on.
 */
@Controller
class SsoController {

	static final String PATH = "/sso/login";

	/** Heroku's form is well under 1 KB; anything this big is not a sign-in. */
	static final long MAX_FORM_BYTES = 16 * 1024;

	static final String AGAIN = "Open Strongroom again from the Heroku dashboard or with `heroku addons:open strongroom`.";

	private static final Logger logger = LoggerFactory.getLogger(SsoController.class);

	private final SsoSignIn signIn;

	private final HerokuCredentials credentials;

	private final SecurityContextRepository contextRepository;

	private final Clock clock;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	SsoController(SsoSignIn signIn, HerokuCredentials credentials) {
		this.signIn = signIn;
		this.credentials = credentials;
		this.contextRepository = BrowserSecurityConfiguration.SESSION_CONTEXT;
		this.clock = Clock.systemUTC();
	}

	@PostMapping(PATH)
	ResponseEntity<String> login(HttpServletRequest request, HttpServletResponse response) {
		// Checked before the body is parsed into parameters.
		if (request.getContentLengthLong() > MAX_FORM_BYTES) {
			return plain(HttpStatus.CONTENT_TOO_LARGE,
					"This is too large to be Heroku's sign-in form (over " + MAX_FORM_BYTES / 1024 + " KB). " + AGAIN);
		}
		SsoRequest sso = SsoRequest.parse(request::getParameterValues);
		Verdict verdict = SsoTokens.check(sso, this.credentials.ssoSalt(), this.clock.instant());
		if (verdict != Verdict.VALID) {
			logger.info("Single sign-on to resource {} refused: {}", sso.resourceId(), verdict);
			return plain(HttpStatus.FORBIDDEN, refusal(verdict));
		}
		Outcome outcome = this.signIn.signIn(sso, this.clock.instant());
		if (outcome instanceof Outcome.SignedIn signedIn) {
			startSession(signedIn.user(), request, response);
			logger.info("Single sign-on to resource {} by Heroku user {} as {}", sso.resourceId(),
					signedIn.user().herokuUserId(), signedIn.user().role());
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/dashboard")).build();
		}
		if (outcome instanceof Outcome.Deprovisioned) {
			logger.info("Single sign-on to deprovisioned resource {} refused", sso.resourceId());
			return plain(HttpStatus.GONE, "This Strongroom add-on has been removed from its app, so its dashboard "
					+ "is closed. Backups already made stay in your bucket.");
		}
		logger.info("Single sign-on to unknown resource {} refused", sso.resourceId());
		return plain(HttpStatus.NOT_FOUND,
				"Single sign-on refused: Strongroom has no add-on with this resource id. " + AGAIN);
	}

	/** Heroku always posts; a bookmarked or typed sign-in address gets directions. */
	@RequestMapping(path = PATH,
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	ResponseEntity<String> notAPost() {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.allow(HttpMethod.POST)
			.contentType(MediaType.TEXT_PLAIN)
			.body("This address only accepts Heroku's sign-in form (a POST). " + AGAIN);
	}

	@GetMapping("/sso/signed-out")
	void signedOut(HttpServletResponse response) throws IOException {
		BrowserSecurityConfiguration.page(response, HttpServletResponse.SC_OK, "Signed out",
				"You signed out of this Strongroom dashboard. To come back, open Strongroom from Heroku: "
						+ "your app's Resources tab, or <code>heroku addons:open strongroom</code>.");
	}

	@ExceptionHandler(InvalidSsoRequestException.class)
	ResponseEntity<String> invalid(InvalidSsoRequestException ex) {
		return plain(HttpStatus.BAD_REQUEST, "Single sign-on refused: " + ex.getMessage());
	}

	/**
	 * A fresh session for every sign-in (no session fixation), holding only this
	 * resource's user: signing in to resource B in a browser signed in to A ends A's
	 * session.
	 */
	private void startSession(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		HttpSession previous = request.getSession(false);
		if (previous != null) {
			previous.invalidate();
		}
		request.getSession(true);
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

	private static String refusal(Verdict verdict) {
		return switch (verdict) {
			case TOKEN_MISMATCH -> "Single sign-on refused: the token does not match this add-on. " + AGAIN;
			case TIMESTAMP_TOO_OLD -> "Single sign-on refused: the sign-in is more than 5 minutes old. " + AGAIN;
			case TIMESTAMP_IN_FUTURE -> "Single sign-on refused: the sign-in is dated more than 5 minutes ahead "
					+ "of Strongroom's clock. " + AGAIN;
			case VALID -> throw new IllegalArgumentException("not a refusal");
		};
	}

	private static ResponseEntity<String> plain(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message);
	}

}
