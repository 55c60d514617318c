package io.strongroom.schedule;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link Clock}. Schedules read "now" only from it, so tests
 * replace it (a {@code @Primary} bean) and move time forward.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
