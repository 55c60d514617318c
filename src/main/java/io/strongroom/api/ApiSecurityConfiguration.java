package io.strongroom.api;

import tools.jackson.databind.json.JsonMapper;

import io.strongroom.tenant.TenantRepository;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The REST API's own security chain: API tokens only, stateless, no CSRF (tokens are not
 * sent by browsers on their own), a body limit, and problem details for 401 and 403.
 * OpenAPI and Swagger UI are public: they describe the API, not an add-on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

	@Bean
	@Order(30)
	SecurityFilterChain restApiSecurity(HttpSecurity http, TenantRepository tenants,
			PlatformTransactionManager transactionManager, JsonMapper json) throws Exception {
		TransactionTemplate reads = new TransactionTemplate(transactionManager);
		reads.setReadOnly(true);
		ApiEntryPoint entryPoint = new ApiEntryPoint(json);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("API"))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.addFilterAfter(new ApiRequestLimit(entryPoint), SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiTokenFilter(tenants, reads), AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler((request, response, ex) -> entryPoint.write(request, response, 403, "forbidden",
						"Forbidden", "This token may not do that.")));
		return http.build();
	}

	@Bean
	@Order(31)
	SecurityFilterChain apiDocumentationSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

}
