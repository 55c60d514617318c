package io.strongroom.heroku.partner;

import java.util.Map;
import java.util.Set;

/**
 * The regions Strongroom accepts, as the manifest names them ({@code us}, {@code eu}) and
 * as provision requests carry them (the Common Runtime's
 * {@code amazon-web-services::us-east-1} and {@code ::eu-west-1}). Backups go to the
 * customer's own bucket, so the region only decides where Heroku offers the add-on.
 */
final class Regions {

	static final Set<String> MANIFEST = Set.of("us", "eu");

	private static final Map<String, String> REQUEST = Map.of("amazon-web-services::us-east-1", "us",
			"amazon-web-services::eu-west-1", "eu", "us", "us", "eu", "eu");

	private Regions() {
	}

	static boolean supports(String region) {
		return REQUEST.containsKey(region);
	}

}
