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

	private final VerificationCallbacks verifications;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	RunnerTicketFilter(RunCallbacks callbacks, VerificationCallbacks verifications) {
		this.callbacks = callbacks;
		this.verifications = verifications;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<UUID> run = RunCallbacks.runIdFromPath(path);
		// A verification's ticket is checked against verifications only, a run's against
		// runs only: neither opens the other's endpoints.
		Optional<UUID> verification = VerificationCallbacks.idFromPath(path);
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if ((run.isPresent() || verification.isPresent()) && header != null
				&& header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String ticket = header.substring(7).trim();
			if (!ticket.isEmpty() && ticket.length() <= 200) {
				Object principal = null;
				if (run.isPresent() && this.callbacks.accepts(run.get(), ticket)) {
					principal = new BackupRunId(run.get());
				}
				else if (verification.isPresent() && this.verifications.accepts(verification.get(), ticket)) {
					principal = new VerificationId(verification.get());
				}
				if (principal != null) {
					SecurityContext context = this.contexts.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
							List.of(new SimpleGrantedAuthority("ROLE_RUNNER"))));
					this.contexts.setContext(context);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
