package io.strongroom;

import io.strongroom.runner.RunnerCli;

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
		// backup, decrypt, restore: the runner, in a plain JVM without Spring
		if (RunnerCli.handles(args)) {
			System.exit(RunnerCli.run(args));
		}
		SpringApplication.run(StrongroomApplication.class, args);
	}

}
