package io.strongroom.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import io.strongroom.tenant.ApiTokens;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the add-on a request is for from its API token: {@code Authorization: Bearer
 * <token>}, or HTTP Basic with the token as password ({@code curl -u :$TOKEN}) or as user
 * name. Only the token's SHA-256 is looked up; a missing, unknown or deprovisioned token
 * leaves the request unauthenticated, and the entry point answers 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final TenantRepository tenants;

	private final TransactionTemplate reads;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(TenantRepository tenants, TransactionTemplate reads) {
		this.tenants = tenants;
		this.reads = reads;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = token(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token != null && !token.isBlank() && token.length() <= 512) {
			String hash = ApiTokens.hash(token.trim());
			Tenant tenant = this.reads.execute((status) -> this.tenants.findByApiTokenHash(hash).orElse(null));
			if (tenant != null && !tenant.isDeprovisioned()) {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ApiTenant(tenant.id()),
						null, List.of(new SimpleGrantedAuthority("ROLE_API"))));
				this.contexts.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	static @Nullable String token(@Nullable String header) {
		if (header == null) {
			return null;
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return decoded;
			}
			String password = decoded.substring(colon + 1);
			return password.isEmpty() ? decoded.substring(0, colon) : password;
		}
		return null;
	}

}
