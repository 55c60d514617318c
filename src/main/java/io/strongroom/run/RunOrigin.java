package io.strongroom.run;

/** Why a run exists. */
public enum RunOrigin {

	/** A schedule slot fell due. */
	SCHEDULE,
	/** Somebody asked for it (API, dashboard). */
	MANUAL

}
