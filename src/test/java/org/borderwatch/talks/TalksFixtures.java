package org.borderwatch.talks;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data for the talks feature, created through the API (and sources through SQL,
 * until sources have an API of their own). Names carry a per-run suffix so tests pass
 * again on a database they already used.
 */
final class TalksFixtures {

	private final Api api;

	private final JdbcClient jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	TalksFixtures(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	String name(String base) {
		return base + " " + this.run;
	}

	String state(String name) {
		return actor(name, "STATE");
	}

	String person(String name) {
		return actor(name, "PERSON");
	}

	private String actor(String name, String kind) {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "%s"}""".formatted(name(name), kind));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	String source() {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("""
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				values (:id, 'Associated Press', :title, 'NEWS_AGENCY', 0, :now, :now)""")
			.param("id", id)
			.param("title", name("Pakistan and Afghanistan hold talks"))
			.param("now", java.sql.Timestamp.from(now))
			.update();
		return id.toString();
	}

	String negotiation(String name, String... partyIds) {
		ObjectNode body = JsonMapper.shared().createObjectNode();
		body.put("name", name(name));
		ArrayNode parties = body.putArray("partyIds");
		for (String party : partyIds) {
			parties.add(party);
		}
		Api.Response response = this.api.post("/api/v1/negotiations", body.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	Round round(String negotiationId, int number) {
		return new Round(negotiationId, number);
	}

	/** A talks-round request body, with the required fields filled in. */
	static final class Round {

		private final ObjectNode body = JsonMapper.shared().createObjectNode();

		Round(String negotiationId, int number) {
			this.body.put("negotiationId", negotiationId);
			this.body.put("roundNumber", number);
			this.body.put("startDate", "2025-11-06");
			this.body.put("datePrecision", "DAY");
			this.body.put("status", "ONGOING");
			this.body.putArray("delegations");
			this.body.putArray("mediators");
		}

		Round dates(String start, String end) {
			this.body.put("startDate", start);
			if (end != null) {
				this.body.put("endDate", end);
			}
			else {
				this.body.remove("endDate");
			}
			return this;
		}

		Round status(String status) {
			this.body.put("status", status);
			return this;
		}

		Round venue(String city, String country) {
			this.body.putObject("venue").put("city", city).put("country", country);
			return this;
		}

		Round agenda(String... items) {
			ArrayNode agenda = this.body.putArray("agendaItems");
			for (String item : items) {
				agenda.add(item);
			}
			return this;
		}

		Round delegation(String partyId, String headId, String note, String... memberIds) {
			ObjectNode delegation = ((ArrayNode) this.body.get("delegations")).addObject();
			delegation.put("partyId", partyId);
			if (headId != null) {
				delegation.put("headId", headId);
			}
			ArrayNode members = delegation.putArray("memberIds");
			for (String member : memberIds) {
				members.add(member);
			}
			if (note != null) {
				delegation.put("note", note);
			}
			return this;
		}

		Round noDelegations() {
			this.body.putArray("delegations");
			return this;
		}

		Round mediator(String actorId, String role) {
			((ArrayNode) this.body.get("mediators")).addObject().put("actorId", actorId).put("role", role);
			return this;
		}

		Round sources(String... sourceIds) {
			ArrayNode sources = this.body.putArray("sourceIds");
			for (String source : sourceIds) {
				sources.add(source);
			}
			return this;
		}

		Round set(String field, String value) {
			this.body.put(field, value);
			return this;
		}

		Round set(String field, int value) {
			this.body.put(field, value);
			return this;
		}

		Round remove(String field) {
			this.body.remove(field);
			return this;
		}

		String json() {
			return this.body.toString();
		}

	}

}
