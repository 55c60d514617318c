package io.strongroom.run;

/**
 * Where the web side stands with the unfinished upload of a run whose runner it gave up
 * on: a dead runner cannot abort its own upload.
 */
enum UploadAbort {

	/** Nothing to abort: the runner ended the run itself, or never fetched its spec. */
	NONE,
	/** To be aborted; tried again after a failure, a few times. */
	PENDING,
	/** Aborted (or there was nothing left under the run's name). */
	ABORTED,
	/** Attempts used up, or no destination left to abort it in. */
	GAVE_UP

}
