package io.strongroom.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Strongroom is reached from outside ({@code STRONGROOM_BASE_URL}): the REST API's
 * base URL in provision answers, the runner bundle's download address, links in emails.
 */
@ConfigurationProperties("strongroom")
public record StrongroomProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {

}
