package org.borderwatch.incident;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds incident request JSON for tests: a valid one-day air strike by default, changed
 * field by field, so each test shows only what it is about.
 */
final class IncidentJson {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ObjectNode body = JSON.createObjectNode();

	private IncidentJson(String title) {
		this.body.put("title", title);
		this.body.put("startDate", "2025-10-09");
		this.body.put("datePrecision", "DAY");
		this.body.put("eventType", "EXPLOSIONS_REMOTE_VIOLENCE");
		this.body.put("subEventType", "AIR_DRONE_STRIKE");
	}

	static IncidentJson incident(String title) {
		return new IncidentJson(title);
	}

	IncidentJson set(String field, String value) {
		if (value == null) {
			this.body.putNull(field);
		}
		else {
			this.body.put(field, value);
		}
		return this;
	}

	IncidentJson remove(String field) {
		this.body.remove(field);
		return this;
	}

	IncidentJson on(String date) {
		return dates(date, null);
	}

	IncidentJson dates(String start, String end) {
		set("startDate", start);
		return (end != null) ? set("endDate", end) : remove("endDate");
	}

	IncidentJson type(String eventType, String subEventType) {
		return set("eventType", eventType).set("subEventType", subEventType);
	}

	IncidentJson at(String country, String admin1, Double latitude, Double longitude) {
		ObjectNode location = this.body.putObject("location");
		location.put("placeName", admin1);
		location.put("admin1", admin1);
		location.put("country", country);
		location.put("latitude", latitude);
		location.put("longitude", longitude);
		location.put("geoPrecision", (latitude != null) ? "NEAR" : "ADMIN1");
		return this;
	}

	IncidentJson actor(String actorId, String role) {
		ObjectNode actor = array("actors").addObject();
		actor.put("actorId", actorId);
		actor.put("role", role);
		return this;
	}

	/** A curated figure (no claimant). */
	IncidentJson casualty(String category, String outcome, Integer low, int best, Integer high) {
		return claimedCasualty(null, category, outcome, low, best, high);
	}

	/** A figure claimed by {@code claimantId}. */
	IncidentJson claimedCasualty(String claimantId, String category, String outcome, Integer low, int best,
			Integer high) {
		ObjectNode figure = array("casualties").addObject();
		figure.put("category", category);
		figure.put("outcome", outcome);
		figure.put("low", low);
		figure.put("best", best);
		figure.put("high", high);
		figure.put("claimantActorId", claimantId);
		return this;
	}

	IncidentJson claim(String actorId, String stance, String accusedId) {
		ObjectNode claim = array("claims").addObject();
		claim.put("actorId", actorId);
		claim.put("stance", stance);
		claim.put("accusedActorId", accusedId);
		claim.put("date", "2025-10-09");
		return this;
	}

	IncidentJson tags(String... tags) {
		ArrayNode array = this.body.putArray("tags");
		for (String tag : tags) {
			array.add(tag);
		}
		return this;
	}

	IncidentJson sources(String... ids) {
		ArrayNode array = this.body.putArray("sourceIds");
		for (String id : ids) {
			array.add(id);
		}
		return this;
	}

	IncidentJson externalRef(String dataset, String id) {
		ObjectNode ref = this.body.putObject("externalRef");
		ref.put("dataset", dataset);
		ref.put("id", id);
		return this;
	}

	/** Appends raw JSON to a list field: {@code add("casualties", "{...}")}. */
	IncidentJson add(String listField, String json) {
		array(listField).add(JSON.readTree(json));
		return this;
	}

	/** Sets a field to raw JSON, for values of the wrong type. */
	IncidentJson raw(String field, String json) {
		JsonNode value = JSON.readTree(json);
		this.body.set(field, value);
		return this;
	}

	private ArrayNode array(String field) {
		return (this.body.get(field) instanceof ArrayNode existing) ? existing : this.body.putArray(field);
	}

	String json() {
		return JSON.writeValueAsString(this.body);
	}

	@Override
	public String toString() {
		return json();
	}

}
