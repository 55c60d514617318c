package io.strongroom.heroku.sso;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.strongroom.support.TestDatabases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port and a fresh PostgreSQL, with known Heroku
 * secrets, for tests that act as a browser (and as Heroku). One shared configuration, so
 * Spring's test context cache starts the application once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.heroku.sso-salt=" + BrowserTest.SALT,
				"strongroom.heroku.addon-password=" + BrowserTest.PASSWORD,
				// The context stays cached for the whole run, next to others, on a server
				// shared by several test JVMs: hold few connections.
				"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1" })
@Import(TestDatabases.class)
public @interface BrowserTest {

	String SALT = "sso-salt-for-tests-0123456789abcdef";

	String PASSWORD = "partner-password-for-tests";

}
