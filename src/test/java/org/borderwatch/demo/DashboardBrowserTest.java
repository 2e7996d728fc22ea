package org.borderwatch.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.support.Api;
import org.borderwatch.support.Chromium;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at {@code /}, in a real headless Chromium, over the demo scenario: the
 * situation board on two dates, the timeline's filters, the map's markers and the weekly
 * chart, all from the service itself with nothing fetched from elsewhere; and a change
 * made through the API appearing through the change stream, without a reload.
 * <p>
 * Saves a screenshot to {@code target/dashboard.png}, and also to the path in the
 * {@code dashboard.screenshot} system property when set (the README's picture is made
 * with {@code -Ddashboard.screenshot=docs/dashboard.png}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private DemoDataLoader loader;

	private ChromeDriver browser;

	private Api api;

	@BeforeAll
	void startBrowser() {
		this.browser = Chromium.start(getClass().getSimpleName());
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@BeforeEach
	void loadScenario() throws IOException {
		this.loader.loadScenario();
		this.api = new Api(this.port);
	}

	private void open(String asOf) {
		this.browser.get("http://localhost:" + this.port + "/?asOf=" + asOf);
		waitUntil("the page has loaded", () -> "true".equals(bodyData("ready")));
	}

	private String bodyData(String name) {
		return this.browser.findElement(By.tagName("body"))
			.getDomAttribute("data-" + name.replaceAll("([A-Z])", "-$1").toLowerCase());
	}

	private void waitUntil(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.browser, PATIENCE).withMessage(what)
			// the page replaces lists as it loads: an element found a moment ago may be
			// gone
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	private WebElement crossingRow(String name) {
		return this.browser.findElement(By.cssSelector("#crossings tr[data-crossing='" + name + "']"));
	}

	private String crossingStatus(String name) {
		return crossingRow(name).findElement(By.cssSelector(".status")).getDomAttribute("data-status");
	}

	private void showSituationOn(String date) {
		// a date input's typing order depends on the locale: set its value as a script
		// would
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('as-of').value = arguments[0]",
				date);
		this.browser.findElement(By.cssSelector("#as-of-form button[type=submit]")).click();
		waitUntil("the situation on " + date, () -> date.equals(bodyData("situationAsOf")));
	}

	@Test
	void showsTorkhamClosedOn15OctoberAndOpenToReturningRefugeesOn6November() throws IOException {
		open("2025-10-15");

		assertThat(this.browser.findElement(By.id("situation-date")).getText()).isEqualTo("2025-10-15");
		assertThat(crossingStatus("Torkham")).isEqualTo("CLOSED");
		assertThat(crossingRow("Torkham").getText()).contains("Closed", "none");

		showSituationOn("2025-11-06");

		assertThat(crossingStatus("Torkham")).isEqualTo("PARTIALLY_OPEN");
		assertThat(crossingRow("Torkham").getText()).contains("Partially open", "refugees returning");
		assertThat(this.browser.findElement(By.id("ceasefires")).getText()).contains("Qatar-brokered ceasefire",
				"since 2025-10-19");
		assertThat(this.browser.findElement(By.id("talks")).getText()).contains("Istanbul");
		assertThat(this.browser.findElements(By.cssSelector("#totals tbody tr"))).hasSize(2);
		saveScreenshot();
	}

	@Test
	void filtersTheTimelineByKindAndCountry() {
		open("2025-11-06");
		waitUntil("the first timeline page", () -> !timelineKinds().isEmpty());
		assertThat(timelineKinds()).contains("INCIDENT");

		this.browser.findElement(By.cssSelector("#timeline-filters input[value=CROSSING_STATUS_CHANGED]")).click();
		this.browser.findElement(By.cssSelector("#timeline-filters button[type=submit]")).click();

		waitUntil("only crossing changes", () -> {
			List<String> kinds = timelineKinds();
			return !kinds.isEmpty() && kinds.stream().allMatch("CROSSING_STATUS_CHANGED"::equals);
		});
		assertThat(this.browser.findElement(By.id("timeline")).getText()).contains("Torkham");

		this.browser.findElement(By.cssSelector("#timeline-filters button[type=reset]")).click();
		waitUntil("every kind again", () -> timelineKinds().contains("INCIDENT"));
		this.browser.findElement(By.cssSelector("#timeline-filters input[value=INCIDENT]")).click();
		this.browser.findElement(By.cssSelector("#tl-country option[value=AFG]")).click();
		this.browser.findElement(By.cssSelector("#timeline-filters button[type=submit]")).click();

		waitUntil("only incidents in Afghanistan", () -> {
			List<WebElement> items = this.browser.findElements(By.cssSelector("#timeline li"));
			return !items.isEmpty() && items.stream()
				.allMatch((item) -> "INCIDENT".equals(item.getDomAttribute("data-kind"))
						&& item.findElement(By.cssSelector(".meta")).getText().contains("AFG"));
		});
	}

	private List<String> timelineKinds() {
		return this.browser.findElements(By.cssSelector("#timeline li"))
			.stream()
			.map((item) -> item.getDomAttribute("data-kind"))
			.toList();
	}

	@Test
	void drawsAMarkerForEveryLocatedIncidentAndTheWeeklyChart() {
		int located = this.api.get("/api/v1/incidents?from=2025-05-08&to=2025-11-06", "Accept", "application/geo+json")
			.json()
			.path("features")
			.size();
		assertThat(located).isPositive();

		open("2025-11-06");

		waitUntil("the markers",
				() -> this.browser.findElements(By.cssSelector("path.incident-marker")).size() == located);
		assertThat(this.browser.findElement(By.id("map-summary")).getText()).startsWith(located + " located incident");
		assertThat(this.browser.findElements(By.cssSelector("#map path.leaflet-interactive, #map svg path")))
			.hasSizeGreaterThan(located);
		assertThat(this.browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#chart-table tbody tr"))).hasSizeGreaterThan(20);
	}

	@Test
	void showsAChangeMadeThroughTheApiWithoutAReload() {
		open("2025-11-06");
		waitUntil("the live stream",
				() -> "open".equals(this.browser.findElement(By.id("live-status")).getDomAttribute("data-state")));
		JavascriptExecutor page = this.browser;
		page.executeScript("window.sameDocument = true");
		String name = "Test crossing " + UUID.randomUUID().toString().substring(0, 8);

		Api.Response crossing = this.api.post("/api/v1/crossings", """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD"}""".formatted(name));
		assertThat(crossing.status()).as(crossing.body()).isEqualTo(201);
		waitUntil("the new crossing on the board", () -> "UNKNOWN".equals(statusOrNull(name)));

		Api.Response change = this.api
			.post("/api/v1/crossings/" + crossing.json().path("id").asString() + "/status-changes", """
					{"effectiveFrom": "2025-11-03T06:00:00Z", "datePrecision": "DAY", "status": "OPEN",
					 "allowedTraffic": ["TRADE"], "reason": "Reopened for the browser test"}""");
		assertThat(change.status()).as(change.body()).isEqualTo(201);
		waitUntil("the crossing open on the board", () -> "OPEN".equals(statusOrNull(name)));

		assertThat(crossingRow(name).getText()).contains("Open", "trade", "Reopened for the browser test");
		assertThat(this.browser.findElement(By.id("live")).getText()).contains(name, "Reopened for the browser test");
		assertThat(page.executeScript("return window.sameDocument === true")).isEqualTo(true);
	}

	private String statusOrNull(String crossing) {
		List<WebElement> rows = this.browser
			.findElements(By.cssSelector("#crossings tr[data-crossing='" + crossing + "'] .status"));
		return rows.isEmpty() ? null : rows.get(0).getDomAttribute("data-status");
	}

	@Test
	void loadsNothingFromOutsideTheService() {
		open("2025-11-06");

		@SuppressWarnings("unchecked")
		List<String> resources = (List<String>) ((JavascriptExecutor) this.browser)
			.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)");
		assertThat(resources).isNotEmpty()
			.allSatisfy((url) -> assertThat(url).startsWith("http://localhost:" + this.port + "/"));
		assertThat(resources).anyMatch((url) -> url.contains("/webjars/leaflet/"))
			.anyMatch((url) -> url.contains("/dashboard/region.geojson"));
	}

	private void saveScreenshot() throws IOException {
		Path shot = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Path target = Path.of("target", "dashboard.png");
		Files.createDirectories(target.getParent());
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
		String wanted = System.getProperty("dashboard.screenshot");
		if (wanted != null && !wanted.isBlank()) {
			Path path = Path.of(wanted);
			if (path.getParent() != null) {
				Files.createDirectories(path.getParent());
			}
			Files.copy(shot, path, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
