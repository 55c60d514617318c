package io.strongroom.heroku.partner;

/**
 * Why the partner API cannot serve a request. Each kind maps to one status in
 * {@link PartnerApiErrors}; the message is shown to the Heroku user, so it says what to
 * do and never contains a secret.
 */
class PartnerApiException extends RuntimeException {

	enum Kind {

		/** The request cannot be served as sent (unknown plan, region, missing field). */
		UNSERVICEABLE,

		/** No add-on with this uuid. */
		NOT_FOUND,

		/** The add-on was deprovisioned. */
		GONE

	}

	private final Kind kind;

	PartnerApiException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	Kind kind() {
		return this.kind;
	}

	static PartnerApiException unserviceable(String message) {
		return new PartnerApiException(Kind.UNSERVICEABLE, message);
	}

	static PartnerApiException notFound(String uuid) {
		return new PartnerApiException(Kind.NOT_FOUND, "No Strongroom add-on has the id " + uuid);
	}

	static PartnerApiException gone(String uuid) {
		return new PartnerApiException(Kind.GONE, "The Strongroom add-on " + uuid + " was deprovisioned");
	}

}
