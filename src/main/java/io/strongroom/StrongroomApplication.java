package io.strongroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Strongroom's web process. The same jar also runs the backup runner (see
 * {@code io.strongroom.runner}), which starts without this Spring context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StrongroomApplication {

	public static void main(String[] args) {
		SpringApplication.run(StrongroomApplication.class, args);
	}

}
