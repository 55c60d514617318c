package io.strongroom.run;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The runner callback API's own security chain: tickets only, no session, no CSRF (no
 * browser ever calls it), and a problem detail for a refused ticket. The runner bundle is
 * public: it is the same code as this jar and carries no secret.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunnerSecurityConfiguration {

	@Bean
	@Order(20)
	SecurityFilterChain runnerCallbackSecurity(HttpSecurity http, RunLifecycle runs,
			VerificationLifecycle verifications, JsonMapper json) throws Exception {
		http.securityMatcher("/runner/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/runner/bundle/**")
				.permitAll()
				.requestMatchers("/runner/v1/runs/*/**", "/runner/v1/verifications/*/**")
				.hasRole("RUNNER")
				.anyRequest()
				.denyAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.addFilterBefore(
					new RunnerTicketFilter(Map.of(RunnerCallbackController.PATH, runs.jobs(),
							VerificationCallbackController.PATH, verifications.jobs())),
					AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setStatus(401);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setHeader("WWW-Authenticate", "Bearer");
				json.writeValue(response.getOutputStream(),
						problem(401, "Unauthorized", "ticket_invalid",
								"The run ticket is missing, wrong, expired or spent; a ticket serves one run until"
										+ " it finishes.",
								request.getRequestURI()));
			}).accessDeniedHandler((request, response, ex) -> {
				response.setStatus(403);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				json.writeValue(response.getOutputStream(), problem(403, "Forbidden", "forbidden",
						"This ticket does not allow that.", request.getRequestURI()));
			}));
		return http.build();
	}

	static Map<String, Object> problem(int status, String title, String code, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:strongroom:problem:" + code);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", instance);
		problem.put("code", code);
		return problem;
	}

}
