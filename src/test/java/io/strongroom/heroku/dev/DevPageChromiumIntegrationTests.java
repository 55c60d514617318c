package io.strongroom.heroku.dev;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.strongroom.heroku.sso.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium clicks through what a newcomer does: {@code /dev}, provision,
 * open the dashboard (the self-posting SSO form runs as real JavaScript under the page's
 * Content-Security-Policy), and lands on the dashboard home. Screenshots go to
 * {@code target/screenshots/}.
 */
@BrowserTest
class DevPageChromiumIntegrationTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	WebDriver driver;

	Path profile;

	@BeforeEach
	void startChromium() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String message = "Chromium and ChromeDriver are needed (Debian: apt-get install chromium chromium-driver)";
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(message);
			}
			throw new TestAbortedException(message);
		}
		this.profile = Files.createTempDirectory("strongroom-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// DEPENDENCIES.md: the flags that work as root on these machines.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopChromium() throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			try (var paths = Files.walk(this.profile)) {
				paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void newcomerGoesFromTheDevPageToTheDashboard() throws IOException {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
		long started = System.nanoTime();
		this.driver.get("http://localhost:" + this.port + "/dev");
		assertThat(this.driver.getTitle()).contains("Try Strongroom locally");
		// The stylesheet loads under the Content-Security-Policy.
		assertThat(this.driver.findElement(By.cssSelector("header.bar")).getCssValue("background-color"))
			.isEqualTo("rgba(29, 35, 48, 1)");
		screenshot("1-dev");

		new Select(this.driver.findElement(By.id("plan"))).selectByValue("basic");
		this.driver.findElement(By.id("provision")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("config-STRONGROOM_API_TOKEN")));
		assertThat(this.driver.findElement(By.id("status")).getText()).isEqualTo("200");
		assertThat(this.driver.findElement(By.id("config-STRONGROOM_URL")).getText()).endsWith("/api/v1");
		assertThat(this.driver.findElement(By.id("config-STRONGROOM_API_TOKEN")).getText()).hasSizeGreaterThan(20);
		screenshot("2-provisioned");

		this.driver.findElement(By.id("open")).click();
		// The interstitial posts itself; only JavaScript gets us further.
		wait.until(ExpectedConditions.urlMatches("/dashboard$"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("addon-name")));
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

		assertThat(this.driver.findElement(By.id("addon-name")).getText()).startsWith("strongroom-sample-");
		assertThat(this.driver.findElement(By.id("addon-plan")).getText()).isEqualTo("basic");
		assertThat(this.driver.findElement(By.id("addon-app")).getText()).startsWith("sample-app-");
		assertThat(this.driver.findElement(By.id("databases")).getText()).contains("No database configured yet.");
		Cookie session = this.driver.manage().getCookieNamed("JSESSIONID");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
		screenshot("3-dashboard");
		System.out.println("From /dev to the dashboard home in a real browser: " + millis + " ms");

		// Signing out ends the session: the dashboard then says to open it from Heroku.
		this.driver.findElement(By.cssSelector("header.bar button")).click();
		wait.until(ExpectedConditions.urlMatches("/sso/signed-out$"));
		this.driver.get("http://localhost:" + this.port + "/dashboard");
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("heroku addons:open strongroom");
	}

	void screenshot(String name) throws IOException {
		Path folder = Files.createDirectories(Path.of("target", "screenshots"));
		File file = ((ChromeDriver) this.driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
