package io.strongroom.run;

import java.net.URI;
import java.time.Instant;

/** A presigned URL that reads one backup object until {@code expiresAt}. */
public record DownloadLink(URI url, Instant expiresAt) {

	@Override
	public String toString() {
		// The signature in the query is a bearer credential.
		return "DownloadLink[expiresAt=" + this.expiresAt + "]";
	}

}
