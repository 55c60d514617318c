package io.strongroom.run;

import java.io.IOException;
import java.util.List;
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
 * Authenticates a runner by the one-time ticket of the run in the path
 * ({@code Authorization: Bearer <ticket>}). A ticket serves its own run only, and only
 * while that run is launched and the ticket unexpired; anything else stays
 * unauthenticated and gets a 401 from the entry point.
 */
class RunnerTicketFilter extends OncePerRequestFilter {

	private final RunCallbacks callbacks;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	RunnerTicketFilter(RunCallbacks callbacks) {
		this.callbacks = callbacks;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<UUID> run = RunCallbacks.runIdFromPath(path);
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (run.isPresent() && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String ticket = header.substring(7).trim();
			if (!ticket.isEmpty() && ticket.length() <= 200 && this.callbacks.accepts(run.get(), ticket)) {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new BackupRunId(run.get()),
						null, List.of(new SimpleGrantedAuthority("ROLE_RUNNER"))));
				this.contexts.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

}
