package org.borderwatch.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.common.Uuids;

/**
 * Writes test data straight into the source tables with plain SQL, as the other features
 * will (the timeline only reads them). Names carry a per-run suffix, so a second run on
 * the same database adds its own records next to the first run's.
 */
public final class TimelineFixtures {

	private final JdbcClient jdbc;

	private final String suffix;

	public TimelineFixtures(JdbcClient jdbc, String suffix) {
		this.jdbc = jdbc;
		this.suffix = suffix;
	}

	public String name(String base) {
		return base + " " + this.suffix;
	}

	public UUID actor(String name, String kind, String country) {
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into actor (id, name, kind, country, version, created_at, updated_at)
				values (:id, :name, :kind, :country, 0, now(), now())""")
			.param("id", id)
			.param("name", name(name))
			.param("kind", kind)
			.param("country", country)
			.update();
		return id;
	}

	public IncidentBuilder incident(String title, LocalDate start) {
		return new IncidentBuilder(title, start);
	}

	public CeasefireBuilder ceasefire(String name) {
		return new CeasefireBuilder(name);
	}

	public UUID negotiation(String name, List<UUID> parties, List<Object[]> mediators) {
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into negotiation (id, name, version, created_at, updated_at)
				values (:id, :name, 0, now(), now())""").param("id", id).param("name", name(name)).update();
		for (UUID party : parties) {
			this.jdbc.sql("insert into negotiation_party (negotiation_id, actor_id) values (:n, :a)")
				.param("n", id)
				.param("a", party)
				.update();
		}
		int position = 0;
		for (Object[] mediator : mediators) {
			this.jdbc.sql("""
					insert into negotiation_mediator (negotiation_id, position, actor_id, role)
					values (:n, :p, :a, :r)""")
				.param("n", id)
				.param("p", position++)
				.param("a", mediator[0])
				.param("r", mediator[1])
				.update();
		}
		return id;
	}

	public RoundBuilder round(UUID negotiation, int number, LocalDate start) {
		return new RoundBuilder(negotiation, number, start);
	}

	public UUID crossing(String name, String countryA, String countryB, Double latitude, Double longitude) {
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into border_crossing (id, name, country_a, country_b, latitude, longitude, kind, version,
				                             created_at, updated_at)
				values (:id, :name, :a, :b, :lat, :lon, 'ROAD', 0, now(), now())""")
			.param("id", id)
			.param("name", name(name))
			.param("a", countryA)
			.param("b", countryB)
			.param("lat", latitude)
			.param("lon", longitude)
			.update();
		return id;
	}

	public UUID statusChange(UUID crossing, Instant effectiveFrom, String status, List<String> traffic, UUID decidedBy,
			String reason, UUID causeIncident) {
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into crossing_status_change (id, crossing_id, effective_from, date_precision, status,
				    allowed_traffic, decided_by_actor_id, reason, cause_incident_id, version, created_at, updated_at)
				values (:id, :crossing, :at, 'DAY', :status, cast(:traffic as text[]), :decidedBy, :reason, :cause,
				        0, now(), now())""")
			.param("id", id)
			.param("crossing", crossing)
			.param("at", OffsetDateTime.ofInstant(effectiveFrom, ZoneOffset.UTC))
			.param("status", status)
			.param("traffic", traffic.toArray(new String[0]))
			.param("decidedBy", decidedBy)
			.param("reason", reason)
			.param("cause", causeIncident)
			.update();
		return id;
	}

	public void violation(UUID ceasefire, UUID incident, UUID allegedBy) {
		this.jdbc.sql("""
				insert into ceasefire_violation (id, ceasefire_id, incident_id, alleged_by_actor_id, created_at)
				values (:id, :c, :i, :a, now())""")
			.param("id", Uuids.v7())
			.param("c", ceasefire)
			.param("i", incident)
			.param("a", allegedBy)
			.update();
	}

	public final class IncidentBuilder {

		private final String title;

		private final LocalDate start;

		private LocalDate end;

		private String precision = "DAY";

		private String type = "BATTLES";

		private String subType = "ARMED_CLASH";

		private String place;

		private String country;

		private Double latitude;

		private Double longitude;

		/** Null until given: not reported. */
		private Integer fatalities;

		private Integer wounded;

		private final List<String> otherCountries = new ArrayList<>();

		private LocalDate startedOnOrAfter;

		private final List<Object[]> actors = new ArrayList<>();

		private final List<Object[]> claims = new ArrayList<>();

		private IncidentBuilder(String title, LocalDate start) {
			this.title = title;
			this.start = start;
			this.end = start;
		}

		public IncidentBuilder until(LocalDate end, String precision) {
			this.end = end;
			this.precision = precision;
			return this;
		}

		public IncidentBuilder type(String type, String subType) {
			this.type = type;
			this.subType = subType;
			return this;
		}

		public IncidentBuilder at(String place, String country, Double latitude, Double longitude) {
			this.place = place;
			this.country = country;
			this.latitude = latitude;
			this.longitude = longitude;
			return this;
		}

		/** Further countries the incident took place in, besides its country. */
		public IncidentBuilder alsoIn(String... countries) {
			this.otherCountries.addAll(List.of(countries));
			return this;
		}

		/** The earliest day it can have begun, within its period. */
		public IncidentBuilder startedOnOrAfter(LocalDate date) {
			this.startedOnOrAfter = date;
			return this;
		}

		public IncidentBuilder casualties(int fatalities, int wounded) {
			this.fatalities = fatalities;
			this.wounded = wounded;
			return this;
		}

		public IncidentBuilder actor(UUID actor, String role) {
			this.actors.add(new Object[] { actor, role });
			return this;
		}

		public IncidentBuilder claim(UUID actor, String stance, UUID accused) {
			this.claims.add(new Object[] { actor, stance, accused });
			return this;
		}

		public UUID create() {
			UUID id = Uuids.v7();
			JdbcClient jdbc = TimelineFixtures.this.jdbc;
			jdbc.sql(
					"""
							insert into incident (id, title, start_date, end_date, date_precision, event_type, sub_event_type,
							    place_name, country, other_countries, earliest_start, earliest_start_precision, latitude, longitude,
							    geo_precision, verification, fatalities, wounded, version, created_at, updated_at)
							values (:id, :title, :start, :end, :precision, :type, :subType, :place, :country,
							    cast(:others as text[]), :earliest, case when cast(:earliest as date) is null then null else 'DAY' end,
							    :lat, :lon, 'EXACT', 'REPORTED', :fatalities, :wounded, 0, now(), now())""")
				.param("id", id)
				.param("title", this.title)
				.param("start", this.start)
				.param("end", this.end)
				.param("precision", this.precision)
				.param("type", this.type)
				.param("subType", this.subType)
				.param("place", this.place)
				.param("country", this.country)
				.param("others", this.otherCountries.toArray(new String[0]))
				.param("earliest", this.startedOnOrAfter)
				.param("lat", this.latitude)
				.param("lon", this.longitude)
				.param("fatalities", this.fatalities)
				.param("wounded", this.wounded)
				.update();
			for (int i = 0; i < this.actors.size(); i++) {
				jdbc.sql("insert into incident_actor (incident_id, position, actor_id, role) values (:i, :p, :a, :r)")
					.param("i", id)
					.param("p", i)
					.param("a", this.actors.get(i)[0])
					.param("r", this.actors.get(i)[1])
					.update();
			}
			if (this.fatalities != null && this.fatalities > 0) {
				jdbc.sql("""
						insert into casualty_figure (incident_id, position, category, outcome, low, best, high)
						values (:i, 0, 'UNKNOWN', 'KILLED', :low, :best, :high)""")
					.param("i", id)
					.param("low", this.fatalities / 2)
					.param("best", this.fatalities)
					.param("high", this.fatalities * 2)
					.update();
			}
			for (int i = 0; i < this.claims.size(); i++) {
				jdbc.sql("""
						insert into incident_claim (incident_id, position, actor_id, stance, accused_actor_id)
						values (:i, :p, :a, :s, :accused)""")
					.param("i", id)
					.param("p", i)
					.param("a", this.claims.get(i)[0])
					.param("s", this.claims.get(i)[1])
					.param("accused", this.claims.get(i)[2])
					.update();
			}
			return id;
		}

	}

	public final class CeasefireBuilder {

		private final String name;

		private LocalDate agreedOn;

		private LocalDate effectiveFrom;

		private LocalDate endedOn;

		private String precision = "DAY";

		private String status = "IN_EFFECT";

		private String arrangement = "BILATERAL";

		private UUID endedBy;

		private String endReason;

		private final List<UUID> parties = new ArrayList<>();

		private final List<Object[]> mediators = new ArrayList<>();

		private CeasefireBuilder(String name) {
			this.name = name;
		}

		public CeasefireBuilder agreed(LocalDate agreedOn, LocalDate effectiveFrom, String precision) {
			this.agreedOn = agreedOn;
			this.effectiveFrom = effectiveFrom;
			this.precision = precision;
			return this;
		}

		public CeasefireBuilder ended(LocalDate endedOn, String status, UUID endedBy, String reason) {
			this.endedOn = endedOn;
			this.status = status;
			this.endedBy = endedBy;
			this.endReason = reason;
			return this;
		}

		public CeasefireBuilder status(String status) {
			this.status = status;
			return this;
		}

		public CeasefireBuilder arrangement(String arrangement) {
			this.arrangement = arrangement;
			return this;
		}

		public CeasefireBuilder party(UUID actor) {
			this.parties.add(actor);
			return this;
		}

		public CeasefireBuilder mediator(UUID actor, String role) {
			this.mediators.add(new Object[] { actor, role });
			return this;
		}

		public UUID create() {
			UUID id = Uuids.v7();
			JdbcClient jdbc = TimelineFixtures.this.jdbc;
			jdbc.sql("""
					insert into ceasefire (id, name, arrangement, form, agreed_on, effective_from, ended_on,
					    date_precision, status, ended_by_actor_id, end_reason, version, created_at, updated_at)
					values (:id, :name, :arrangement, 'VERBAL', :agreed, :effective, :ended, :precision, :status,
					    :endedBy, :reason, 0, now(), now())""")
				.param("id", id)
				.param("name", name(this.name))
				.param("arrangement", this.arrangement)
				.param("agreed", this.agreedOn)
				.param("effective", this.effectiveFrom)
				.param("ended", this.endedOn)
				.param("precision", this.precision)
				.param("status", this.status)
				.param("endedBy", this.endedBy)
				.param("reason", this.endReason)
				.update();
			for (UUID party : this.parties) {
				jdbc.sql("insert into ceasefire_party (ceasefire_id, actor_id) values (:c, :a)")
					.param("c", id)
					.param("a", party)
					.update();
			}
			for (int i = 0; i < this.mediators.size(); i++) {
				jdbc.sql("""
						insert into ceasefire_mediator (ceasefire_id, position, actor_id, role)
						values (:c, :p, :a, :r)""")
					.param("c", id)
					.param("p", i)
					.param("a", this.mediators.get(i)[0])
					.param("r", this.mediators.get(i)[1])
					.update();
			}
			return id;
		}

	}

	public final class RoundBuilder {

		private final UUID negotiation;

		private final int number;

		private final LocalDate start;

		private String city;

		private String country;

		private String status = "SCHEDULED";

		private final List<String> agenda = new ArrayList<>();

		private final List<Object[]> delegations = new ArrayList<>();

		private final List<Object[]> mediators = new ArrayList<>();

		private RoundBuilder(UUID negotiation, int number, LocalDate start) {
			this.negotiation = negotiation;
			this.number = number;
			this.start = start;
		}

		public RoundBuilder venue(String city, String country) {
			this.city = city;
			this.country = country;
			return this;
		}

		public RoundBuilder status(String status) {
			this.status = status;
			return this;
		}

		public RoundBuilder agenda(String item) {
			this.agenda.add(item);
			return this;
		}

		public RoundBuilder delegation(UUID party, UUID head, String note) {
			this.delegations.add(new Object[] { party, head, note });
			return this;
		}

		public RoundBuilder mediator(UUID actor, String role) {
			this.mediators.add(new Object[] { actor, role });
			return this;
		}

		public UUID create() {
			UUID id = Uuids.v7();
			JdbcClient jdbc = TimelineFixtures.this.jdbc;
			jdbc.sql("""
					insert into talks_round (id, negotiation_id, round_number, venue_city, venue_country, start_date,
					    end_date, date_precision, status, agenda_items, version, created_at, updated_at)
					values (:id, :n, :number, :city, :country, :start, :start, 'DAY', :status, cast(:agenda as text[]),
					    0, now(), now())""")
				.param("id", id)
				.param("n", this.negotiation)
				.param("number", this.number)
				.param("city", this.city)
				.param("country", this.country)
				.param("start", this.start)
				.param("status", this.status)
				.param("agenda", this.agenda.toArray(new String[0]))
				.update();
			for (int i = 0; i < this.delegations.size(); i++) {
				jdbc.sql("""
						insert into talks_delegation (id, talks_round_id, position, party_actor_id, head_actor_id, note)
						values (:id, :r, :p, :party, :head, :note)""")
					.param("id", Uuids.v7())
					.param("r", id)
					.param("p", i)
					.param("party", this.delegations.get(i)[0])
					.param("head", this.delegations.get(i)[1])
					.param("note", this.delegations.get(i)[2])
					.update();
			}
			for (int i = 0; i < this.mediators.size(); i++) {
				jdbc.sql("""
						insert into talks_round_mediator (talks_round_id, position, actor_id, role)
						values (:r, :p, :a, :role)""")
					.param("r", id)
					.param("p", i)
					.param("a", this.mediators.get(i)[0])
					.param("role", this.mediators.get(i)[1])
					.update();
			}
			return id;
		}

	}

}
