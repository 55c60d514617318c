package io.strongroom.heroku.partner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of the partner API chain. It caps the request body (413 as soon as
 * {@code Content-Length} or the bytes read exceed the limit, so a huge body is never
 * buffered) and turns any {@code sendError} below it into the partner API's JSON
 * {@code {"message"}} instead of Boot's error page.
 */
class PartnerRequestLimits extends OncePerRequestFilter {

	private final long maxBodyBytes;

	PartnerRequestLimits(long maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			writeJson(response, 413, "The request body is too large for the partner API");
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBodyBytes), new JsonErrors(response));
	}

	static void writeJson(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		byte[] body = ("{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/** Thrown while reading a body past the limit; mapped to 413. */
	static class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("The request body exceeds the partner API's limit");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

	private static final class JsonErrors extends HttpServletResponseWrapper {

		JsonErrors(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (isCommitted()) {
				super.sendError(status, message);
				return;
			}
			resetBuffer();
			writeJson((HttpServletResponse) getResponse(), status, switch (status) {
				case 400 -> "The request is malformed";
				case 401 -> "Authenticate with the add-on id and password (HTTP Basic)";
				case 403 -> "Not allowed";
				case 404 -> "Not part of the Heroku Add-on Partner API";
				case 405 -> "This method is not supported here";
				case 413 -> "The request body is too large for the partner API";
				case 415 -> "Send the request body as Content-Type: application/json";
				default -> (status >= 500) ? "Strongroom could not process this request; please try again"
						: "The request could not be served";
			});
		}

	}

}
