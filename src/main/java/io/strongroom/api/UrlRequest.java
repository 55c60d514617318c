package io.strongroom.api;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/databases/{label}/test}: optionally, the URL to test. */
record UrlRequest(@Nullable String url) {

	@Override
	public String toString() {
		return "UrlRequest[url=" + ((this.url != null) ? "**redacted**" : null) + "]";
	}

}
