package io.strongroom.heroku.dev;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls this server's own Partner API over HTTP, with the add-on's Basic credentials, as
 * Heroku would: the {@code /dev} page goes through the real endpoint, its auth and its
 * answers, never around them.
 */
class PartnerApiClient {

	private final RestClient client;

	PartnerApiClient(URI baseUrl, String addonId, String password) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(30));
		this.client = RestClient.builder()
			.requestFactory(factory)
			.baseUrl(baseUrl.toString())
			.defaultHeaders((headers) -> headers.setBasicAuth(addonId, password))
			.build();
	}

	/** The Partner API's answer, whatever its status. */
	record Answer(int status, @Nullable Map<String, Object> body) {

		boolean accepted() {
			return this.status == 200 || this.status == 202;
		}

	}

	/**
	 * {@code POST /heroku/resources}.
	 * @throws RestClientException when the server cannot be reached or answers with
	 * something other than JSON
	 */
	Answer provision(Map<String, Object> request) {
		return this.client.post()
			.uri("/heroku/resources")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange((req, res) -> {
				HttpStatusCode status = res.getStatusCode();
				MediaType type = res.getHeaders().getContentType();
				@SuppressWarnings("unchecked")
				Map<String, Object> body = (type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON))
						? res.bodyTo(Map.class) : null;
				return new Answer(status.value(), body);
			});
	}

}
