package io.strongroom.run;

/** Why a run failed or was cancelled: a kind to act on and words for a person. */
public record RunError(String kind, String message) {

}
