package io.strongroom.heroku.partner;

import java.util.Map;

/** A partner API answer: status and JSON body. Its body may carry the API token. */
record PartnerAnswer(int status, Map<String, Object> body) {

	@Override
	public String toString() {
		return "PartnerAnswer[status=" + this.status + ", keys=" + this.body.keySet() + "]";
	}

}
