package io.strongroom.run;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a runner by the one-time ticket of the job in the path
 * ({@code Authorization: Bearer <ticket>}). A ticket serves its own job only, and only
 * while that job is launched and the ticket unexpired; anything else stays
 * unauthenticated and gets a 401 from the entry point. A verification's ticket is checked
 * against verifications only, a run's against runs only: neither opens the other's
 * endpoints.
 */
class RunnerTicketFilter extends OncePerRequestFilter {

	/** Each kind of job, by the path its callback endpoints are under. */
	private final Map<String, RunnerJobs<?>> jobsByPath;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	RunnerTicketFilter(Map<String, RunnerJobs<?>> jobsByPath) {
		this.jobsByPath = Map.copyOf(jobsByPath);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String ticket = header.substring(7).trim();
			if (!ticket.isEmpty() && ticket.length() <= 200) {
				this.jobsByPath
					.forEach((prefix, jobs) -> idFromPath(path, prefix).filter((id) -> jobs.accepts(id, ticket))
						.ifPresent(this::authenticate));
			}
		}
		chain.doFilter(request, response);
	}

	private void authenticate(UUID job) {
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(job, null,
				List.of(new SimpleGrantedAuthority("ROLE_RUNNER"))));
		this.contexts.setContext(context);
	}

	/** The job id in {@code <prefix><id>} or {@code <prefix><id>/...}. */
	static Optional<UUID> idFromPath(String path, String prefix) {
		if (!path.startsWith(prefix)) {
			return Optional.empty();
		}
		String rest = path.substring(prefix.length());
		int slash = rest.indexOf('/');
		String id = (slash < 0) ? rest : rest.substring(0, slash);
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
