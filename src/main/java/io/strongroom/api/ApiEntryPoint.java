package io.strongroom.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem detail. It is raised in the security filter chain, so it never reaches
 * the controller advice (STYLE.md C10).
 */
class ApiEntryPoint implements AuthenticationEntryPoint {

	private final JsonMapper json;

	ApiEntryPoint(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"strongroom\", Basic realm=\"strongroom\"");
		write(request, response, 401, "unauthorized", "Unauthorized",
				"Send the add-on's STRONGROOM_API_TOKEN as 'Authorization: Bearer <token>' or as the Basic password"
						+ " (curl -u :$STRONGROOM_API_TOKEN). Find it with: heroku config:get STRONGROOM_API_TOKEN");
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ApiProblems.TYPE_PREFIX + code);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("code", code);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
