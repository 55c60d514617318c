package io.strongroom.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: 413 at once when {@code Content-Length} is over the limit, and a
 * read error (answered 400) when a body without a length grows past it, so a huge body is
 * never buffered. Every API body is a few kilobytes.
 */
class ApiRequestLimit extends OncePerRequestFilter {

	static final long MAX_BODY_BYTES = 256 * 1024;

	private final ApiEntryPoint problems;

	ApiRequestLimit(ApiEntryPoint problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			this.problems.write(request, response, 413, "body_too_large", "Content Too Large",
					"The request body is larger than " + (MAX_BODY_BYTES / 1024) + " KB; API bodies are small JSON"
							+ " documents");
			return;
		}
		chain.doFilter(new Limited(request), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(long n) throws IOException {
					this.read += n;
					if (this.read > MAX_BODY_BYTES) {
						throw new IOException("The request body is larger than " + (MAX_BODY_BYTES / 1024) + " KB");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
