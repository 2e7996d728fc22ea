package org.borderwatch.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for browser tests, driven through the chromedriver installed next
 * to it: Debian's {@code chromium} and {@code chromium-driver} packages, or the Chrome
 * and chromedriver a CI runner carries ({@code CHROME_BIN}, {@code CHROMEWEBDRIVER}).
 * Both are named explicitly so that Selenium never tries to download a browser or a
 * driver.
 * <p>
 * Without a browser the tests that need one are left out with a message saying how to
 * install it; where they are required ({@code BORDERWATCH_BROWSER_TESTS=required}, or
 * {@code CI=true}) a missing browser fails them instead, so a CI run cannot pass without
 * having run them.
 */
public final class Chromium {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable", "chrome");

	private Chromium() {
	}

	/**
	 * Starts a headless browser on a fresh profile, or aborts (or fails, where browser
	 * tests are required) the calling test when none is installed.
	 * @param testName the test that needs it, named in the message
	 * @return the driver; quit it after use
	 */
	public static ChromeDriver start(String testName) {
		Optional<Path> browser = browser();
		Optional<Path> driver = driver();
		if (browser.isEmpty() || driver.isEmpty()) {
			String message = "Browser test " + testName + " needs Chromium and its chromedriver, and "
					+ (browser.isEmpty() ? "no Chromium or Chrome" : "no chromedriver")
					+ " was found (looked at CHROME_BIN, CHROMEDRIVER, CHROMEWEBDRIVER and the PATH). Install them with "
					+ "`sudo apt-get install chromium chromium-driver` (Debian, Ubuntu) and run the build again.";
			if (required()) {
				throw new IllegalStateException(message + " Browser tests are required here (CI=true or "
						+ "BORDERWATCH_BROWSER_TESTS=required), so this is a failure.");
			}
			System.err.println();
			System.err.println("*** LEFT OUT: " + message);
			System.err.println();
			Assumptions.abort(message);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.get().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--window-size=1400,2200", "--lang=en-GB", "--user-data-dir=" + freshProfile());
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	private static boolean required() {
		return "required".equalsIgnoreCase(System.getenv("BORDERWATCH_BROWSER_TESTS"))
				|| "true".equalsIgnoreCase(System.getenv("CI"));
	}

	private static Optional<Path> browser() {
		return firstExecutable(
				Stream.concat(Stream.of(fromEnv("CHROME_BIN")), BROWSERS.stream().map(Chromium::onPath)));
	}

	private static Optional<Path> driver() {
		String runnerDriverDir = System.getenv("CHROMEWEBDRIVER");
		Path runnerDriver = (runnerDriverDir != null) ? Path.of(runnerDriverDir, "chromedriver") : null;
		return firstExecutable(Stream.of(fromEnv("CHROMEDRIVER"), runnerDriver, onPath("chromedriver")));
	}

	private static Path fromEnv(String name) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? Path.of(value) : null;
	}

	private static Path onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static Optional<Path> firstExecutable(Stream<Path> candidates) {
		return candidates.filter((path) -> path != null && Files.isExecutable(path)).findFirst();
	}

	private static String freshProfile() {
		try {
			// inside the build's own directory, so that a clean removes it
			Path parent = Files.isDirectory(Path.of("target")) ? Path.of("target")
					: Path.of(System.getProperty("java.io.tmpdir"));
			return Files.createTempDirectory(parent, "chromium-profile-").toAbsolutePath().toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not create a browser profile directory", ex);
		}
	}

}
