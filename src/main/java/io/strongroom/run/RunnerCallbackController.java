package io.strongroom.run;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The runner callback API of a backup run (TEAM.md). */
@RestController
@RequestMapping(path = RunnerCallbackController.PATH + "{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class RunnerCallbackController extends RunnerCallbackEndpoints<RunnerReports.Result> {

	static final String PATH = "/runner/v1/runs/";

	RunnerCallbackController(RunCallbacks callbacks) {
		super(callbacks);
	}

}
