package io.strongroom.heroku.sso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser side: single sign-on, the dashboard, the {@code /dev} page, static assets,
 * health. Sessions are made only by {@link SsoController}; nothing here accepts a
 * password.
 * <p>
 * The Partner API ({@code /heroku/**}, Basic auth), the REST API ({@code /api/**}) and
 * the runner callbacks ({@code /runner/**}) have chains of their own. This chain is
 * ordered last and excludes their paths outright, so it never handles them whatever order
 * theirs take; any other path falls to it and needs a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BrowserSecurityConfiguration {

	/** Where the session's sign-in is kept; {@link SsoController} writes to it. */
	static final SecurityContextRepository SESSION_CONTEXT = new HttpSessionSecurityContextRepository();

	static final RequestMatcher OTHER_SURFACES = new OrRequestMatcher(path("/heroku/**"), path("/api/**"),
			path("/runner/**"));

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain browserSecurityFilterChain(HttpSecurity http, Environment environment) throws Exception {
		String local = environment.matchesProfiles("heroku") ? ""
				: " Running Strongroom on your own machine? <a href=\"/dev\">/dev</a> provisions a sample add-on "
						+ "and signs you in the way Heroku would.";
		http.securityMatcher(new NegatedRequestMatcher(OTHER_SURFACES))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, SsoController.PATH)
				.permitAll()
				.requestMatchers("/sso/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				// Exists only outside the heroku profile, and then answers only on
				// loopback
				// (DevHarnessController); under the heroku profile nothing maps here.
				.requestMatchers("/dev", "/dev/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			// Heroku's SSO form arrives cross-site: its token is its protection. Every
			// other form here (dashboard, /dev) carries a CSRF token.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(path(HttpMethod.POST, SsoController.PATH)))
			.securityContext((context) -> context.securityContextRepository(SESSION_CONTEXT))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> page(response, HttpServletResponse.SC_UNAUTHORIZED,
						"Sign in through Heroku",
						"This page belongs to a Strongroom add-on dashboard, which you open from Heroku: "
								+ "click Strongroom on your app's Resources tab, or run "
								+ "<code>heroku addons:open strongroom</code>." + local))
				.accessDeniedHandler(formExpired()))
			.logout((logout) -> logout.logoutRequestMatcher(path(HttpMethod.POST, "/dashboard/sign-out"))
				.logoutSuccessUrl("/sso/signed-out"))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/** With a session, the only denial here is a missing or stale CSRF token. */
	private static AccessDeniedHandler formExpired() {
		return (request, response, ex) -> page(response, HttpServletResponse.SC_FORBIDDEN, "Form expired",
				"This form is out of date or did not come from a Strongroom page. "
						+ "Go back, reload the page and try again.");
	}

	/** A small fixed page; its texts are constants, so nothing needs escaping. */
	static void page(HttpServletResponse response, int status, String title, String html) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
					+ " · Strongroom</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<link rel=\"stylesheet\" href=\"/css/strongroom.css\"></head><body><main class=\"narrow\"><h1>"
					+ title + "</h1><p>" + html + "</p></main></body></html>");
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

}
