package io.strongroom.run;

/**
 * What a successful runner reported (the result JSON of TEAM.md), checked; the durations
 * and statistics are kept as the JSON the runner sent.
 */
record RunOutcome(String objectKey, String manifestKey, String engine, String compression, long bytesIn, long bytesOut,
		String sha256, String hmacSha256, String durationsJson, String serverVersion, String clientVersion,
		String statisticsJson) {

}
