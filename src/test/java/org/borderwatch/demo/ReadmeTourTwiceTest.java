package org.borderwatch.demo;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README tour's writes, request for request, run twice in a row over the demo data:
 * the second run must answer as the first (the tour's one refusal, holding a concluded
 * round again, is a 409 both times), so that a reader can paste the tour again without an
 * error. Keep it in step with the tour.
 */
class ReadmeTourTwiceTest extends IntegrationTest {

	@Autowired
	private DemoDataLoader loader;

	private Api anonymous;

	@BeforeEach
	void loadScenario() throws IOException {
		this.loader.loadScenario();
		this.anonymous = new Api(this.port).anonymous();
	}

	@Test
	void runsTheToursWritesTwiceInARowWithoutAnError() {
		Instant previous = null;
		for (int run = 1; run <= 2; run++) {
			// the status change starts now, to the second: two runs never share one
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			while (now.equals(previous)) {
				Thread.onSpinWait();
				now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			}
			previous = now;
			assertThat(tour(now)).as("run " + run).allSatisfy((line) -> assertThat(line).endsWith("as expected"));
		}
	}

	/** Each write of the tour, with its status: "... as expected" or what went wrong. */
	private List<String> tour(Instant now) {
		List<String> answers = new ArrayList<>();
		String base = "/api/v1";
		String torkham = first(this.anonymous.get(base + "/crossings?q=torkham"));
		String istanbul = first(this.anonymous.get(base + "/talks-rounds?venueCountry=TUR"));

		// the first admin key gives an analyst an editor key
		Api admin = new Api(this.port).as(Api.ADMIN_KEY);
		Api.Response key = admin.post(base + "/api-keys", """
				{"name": "tour editor", "role": "EDITOR"}""");
		answers.add(expect("create the editor key", key, 201));
		Api editor = new Api(this.port).as(key.json().path("secret").asString());

		// create Iran unless an earlier run did, then change it with a conditional
		// request
		String iran = null;
		for (JsonNode actor : this.anonymous.get(base + "/actors?q=Iran&kind=STATE").json().path("items")) {
			if (actor.path("name").asString().equals("Iran")) {
				iran = actor.path("id").asString();
				break;
			}
		}
		if (iran == null) {
			Api.Response created = editor.post(base + "/actors", """
					{"name": "Iran", "kind": "STATE", "country": "IRN"}""", "X-Change-Reason",
					"Hosts Afghan refugees returning through its border");
			answers.add(expect("create Iran", created, 201));
			iran = created.json().path("id").asString();
		}
		String etag = this.anonymous.get(base + "/actors/" + iran).header("ETag");
		answers.add(expect("name Iran officially", editor.patch(base + "/actors/" + iran, """
				{"aliases": ["Islamic Republic of Iran"]}""", "If-Match", etag, "X-Change-Reason",
				"Official name, from its UN membership record"), 200));
		answers.add(expect("reopen Torkham", editor.post(base + "/crossings/" + torkham + "/status-changes", """
				{"effectiveFrom": "%s", "datePrecision": "DAY", "status": "OPEN",
				 "allowedTraffic": ["TRADE", "PASSENGERS"], "reason": "Reopened for trade"}""".formatted(now),
				"X-Change-Reason", "Reopening announced by the provincial government"), 201));

		// the Istanbul round ends; once concluded, holding it again is refused
		answers.add(expect("conclude the Istanbul round", editor.patch(base + "/talks-rounds/" + istanbul, """
				{"status": "CONCLUDED", "endDate": "2025-11-07", "outcome": "Ended without an agreement"}"""), 200));
		answers.add(expect("hold the concluded round again", editor.patch(base + "/talks-rounds/" + istanbul, """
				{"status": "ONGOING", "outcome": null}"""), 409));

		// who changed Iran, and Iran as served at version 0
		answers.add(expect("Iran's history", this.anonymous.get(base + "/actors/" + iran + "/history"), 200));
		answers.add(expect("Iran at version 0", this.anonymous.get(base + "/actors/" + iran + "/history/0"), 200));
		answers.add(expect("the change feed",
				this.anonymous.get(base + "/changes?collection=actors,crossing-status-changes&limit=5"), 200));
		return answers;
	}

	private static String first(Api.Response list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json().path("items").get(0).path("id").asString();
	}

	private static String expect(String step, Api.Response response, int status) {
		return step + ": " + response.status()
				+ ((response.status() == status) ? " as expected" : " instead of " + status + ": " + response.body());
	}

}
