package io.strongroom.run;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The runner callback API of a verification (docs/runner-spec.md, "verify"). */
@RestController
@RequestMapping(path = VerificationCallbackController.PATH + "{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class VerificationCallbackController extends RunnerCallbackEndpoints<VerificationReports.Result> {

	static final String PATH = "/runner/v1/verifications/";

	VerificationCallbackController(VerificationCallbacks callbacks) {
		super(callbacks);
	}

}
