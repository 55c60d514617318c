package io.strongroom.heroku.partner;

import java.util.List;

import io.strongroom.heroku.HerokuCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The partner API's own filter chain (heroku-addon.md §8.1): only {@code /heroku/**},
 * stateless, no CSRF (Heroku is a server, not a browser), HTTP Basic against the add-on
 * id and password compared in constant time, 401 as JSON. Its authentication manager is
 * private to this chain, so the add-on credentials authenticate nothing else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PartnerApiSecurity {

	static final String ROLE = "HEROKU_PARTNER";

	@Bean
	@Order(10)
	SecurityFilterChain partnerApiFilterChain(HttpSecurity http, HerokuCredentials credentials,
			PartnerProperties properties) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"strongroom\"");
			PartnerRequestLimits.writeJson(response, 401, "Authenticate with the add-on id and password (HTTP Basic)");
		};
		AccessDeniedHandler denied = (request, response, ex) -> PartnerRequestLimits.writeJson(response, 403,
				"Not allowed");
		http.securityMatcher("/heroku/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(ROLE))
			.httpBasic((basic) -> basic.realmName("strongroom").authenticationEntryPoint(unauthorized))
			.authenticationManager(new ProviderManager(new AddonAuthentication(credentials)))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
			.addFilterBefore(new PartnerRequestLimits(properties.maxRequestSize().toBytes()),
					DisableEncodeUrlFilter.class);
		return http.build();
	}

	/** Checks the Basic credentials against the add-on's, in constant time. */
	static final class AddonAuthentication implements AuthenticationProvider {

		private final HerokuCredentials credentials;

		AddonAuthentication(HerokuCredentials credentials) {
			this.credentials = credentials;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String id = authentication.getName();
			Object password = authentication.getCredentials();
			if (!this.credentials.matchesAddon(id, (password != null) ? password.toString() : null)) {
				throw new BadCredentialsException("Wrong add-on id or password");
			}
			return UsernamePasswordAuthenticationToken.authenticated(id, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
