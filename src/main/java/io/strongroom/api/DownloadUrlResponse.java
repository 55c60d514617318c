package io.strongroom.api;

import java.time.Instant;

/** A presigned link to the backup object and when it stops working. */
record DownloadUrlResponse(String url, Instant expiresAt) {

	@Override
	public String toString() {
		return "DownloadUrlResponse[expiresAt=" + this.expiresAt + "]";
	}

}
