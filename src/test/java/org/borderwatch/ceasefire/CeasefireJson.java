package org.borderwatch.ceasefire;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds ceasefire request bodies for tests: a valid ceasefire by default, with the
 * fields a test is about changed, so each test shows only what matters to it.
 */
final class CeasefireJson {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ObjectNode node = JSON.createObjectNode();

	private CeasefireJson(String name, String arrangement, List<String> partyIds) {
		this.node.put("name", name);
		this.node.put("arrangement", arrangement);
		this.node.put("form", "VERBAL");
		set("partyIds", partyIds);
		this.node.put("status", "PROPOSED");
	}

	/** A proposal between the given parties, its arrangement fitting their number. */
	static CeasefireJson proposed(String name, String... partyIds) {
		String arrangement = switch (partyIds.length) {
			case 1 -> "UNILATERAL";
			case 2 -> "BILATERAL";
			default -> "MULTILATERAL";
		};
		return new CeasefireJson(name, arrangement, Arrays.asList(partyIds));
	}

	/** A ceasefire agreed and in effect from {@code date}. */
	static CeasefireJson inEffect(String name, String date, String... partyIds) {
		return proposed(name, partyIds).set("status", "IN_EFFECT").set("agreedOn", date).set("effectiveFrom", date);
	}

	/**
	 * A ceasefire that was in effect from {@code from} and ended on {@code until} with
	 * {@code status}.
	 */
	static CeasefireJson ended(String name, String status, String from, String until, String... partyIds) {
		return inEffect(name, from, partyIds).set("status", status).set("endedOn", until);
	}

	static Map<String, String> mediator(String actorId, String role) {
		return Map.of("actorId", actorId, "role", role);
	}

	/** Sets a field to a string, a list, a map or null. */
	CeasefireJson set(String field, Object value) {
		this.node.set(field, JSON.valueToTree(value));
		return this;
	}

	CeasefireJson without(String field) {
		this.node.remove(field);
		return this;
	}

	String json() {
		return this.node.toString();
	}

	@Override
	public String toString() {
		return json();
	}

}
