package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: one per test
 * class. Screenshots go to web/target/screenshots; every page can be checked
 * with axe-core.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/**
	 * Starts Chromium, or skips the test class (saying why) when it is not
	 * installed.
	 */
	static Browser open(String base) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); "
						+ "CI installs them");
		try {
			Path profile = Files.createTempDirectory("newsstand-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
					.usingAnyFreePort().build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile, base);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void go(String path) {
		this.driver.get(this.base + path);
	}

	String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.base)) ? url.substring(this.base.length()) : String.valueOf(url);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	String text(String css) {
		return find(css).getText();
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/** Clicks a link or button that loads a new page, and waits for that page. */
	void click(String css) {
		WebElement before = this.driver.findElement(By.tagName("html"));
		find(css).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(driver -> gone(before));
		new WebDriverWait(this.driver, Duration.ofSeconds(20))
				.until(driver -> "complete".equals(this.driver.executeScript("return document.readyState")));
	}

	/**
	 * Whether the element's page has been replaced (Chromium reports this in more
	 * than one way).
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		} catch (WebDriverException replaced) {
			return true;
		}
	}

	void deleteCookies() {
		this.driver.manage().deleteAllCookies();
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves a PNG of the current page under target/screenshots. */
	void screenshot(String name) {
		screenshotTo(SCREENSHOTS, name);
	}

	/** Saves a PNG of the current page into the given directory. */
	void screenshotTo(Path directory, String name) {
		try {
			Files.createDirectories(directory);
			File png = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(png.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core (WCAG 2.1 A and AA rules) on the current page and fails on any
	 * violation.
	 */
	void assertAccessible() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
				.analyze(this.driver);
		List<Rule> violations = results.getViolations();
		assertThat(violations).as("axe-core violations on " + path() + ":\n" + describe(violations)).isEmpty();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
				.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
						.map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
				.collect(Collectors.joining("\n"));
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}
