package org.borderwatch.stats;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollup the statistics read is kept by triggers: after every kind of write it must
 * equal a GROUP BY over the raw tables, compared over the whole database (rows other
 * tests wrote too).
 */
class IncidentStatsRollupTest extends IntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2023, 5, 17);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private IncidentStatsFixtures fixtures;

	private TransactionTemplate tx;

	private Api api;

	private String admin1;

	@BeforeEach
	void setUp() {
		this.fixtures = new IncidentStatsFixtures(this.jdbc);
		this.tx = new TransactionTemplate(this.transactions);
		this.api = new Api(this.port);
		this.admin1 = "Rollup " + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * An incident with curated figures, a claimed one, and two actors, one of them in two
	 * roles.
	 */
	private UUID incidentWithFigures(String country) {
		UUID id = this.fixtures.incident(DAY, country, this.admin1, "BATTLES", "ARMED_CLASH");
		UUID army = this.fixtures.actor("Army " + UUID.randomUUID());
		UUID militants = this.fixtures.actor("Militants " + UUID.randomUUID());
		this.fixtures.involve(id, 0, army, "INITIATOR");
		this.fixtures.involve(id, 1, militants, "TARGET");
		this.fixtures.involve(id, 2, army, "PARTICIPANT");
		this.fixtures.figure(id, 0, "SECURITY_FORCES", "KILLED", 3);
		this.fixtures.figure(id, 1, "CIVILIANS", "WOUNDED", 5);
		this.fixtures.claim(id, 2, "MILITANTS", "KILLED", 40, this.fixtures.actor("Claimant " + UUID.randomUUID()));
		return id;
	}

	private void assertRollupExact() {
		assertThat(this.fixtures.rollupDifferences()).isEmpty();
	}

	@Test
	void countsInsertedIncidentsAndOnlyCuratedFigures() {
		UUID id = incidentWithFigures("PAK");
		this.fixtures.incident(DAY, null, null, "RIOTS", "MOB_VIOLENCE");

		assertRollupExact();
		var row = this.jdbc.sql("""
				select incidents, security_forces_killed, civilians_wounded, militants_killed
				from incident_daily_admin1_rollup where day = :day and country = 'PAK' and admin1 = :admin1""")
			.param("day", DAY)
			.param("admin1", this.admin1)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) })
			.single();
		assertThat(row).containsExactly(1, 3, 5, 0);
		assertThat(id).isNotNull();
	}

	@Test
	void followsAnIncidentWhoseDateCountryAndTypeChange() {
		UUID id = incidentWithFigures("PAK");

		this.fixtures.update("update incident set start_date = ?, end_date = ? where id = ?", DAY.plusDays(40),
				DAY.plusDays(40), id);
		assertRollupExact();
		this.fixtures.update("update incident set country = 'AFG', admin1 = null where id = ?", id);
		assertRollupExact();
		this.fixtures.update("update incident set event_type = 'RIOTS', sub_event_type = 'MOB_VIOLENCE' where id = ?",
				id);
		assertRollupExact();
		// a write that leaves the key alone (a version bump) must not count twice
		this.fixtures.update("update incident set version = version + 1, title = 'Renamed' where id = ?", id);
		assertRollupExact();
	}

	@Test
	void followsCountriesDateBoundsAndWhetherFiguresAreReported() {
		UUID id = incidentWithFigures("PAK");
		this.fixtures.update("update incident set fatalities = 3, wounded = 5 where id = ?", id);
		assertRollupExact();

		// across a border: counted once, under the key of both countries
		this.fixtures.update("update incident set other_countries = '{AFG}' where id = ?", id);
		assertRollupExact();
		this.fixtures.update("update incident set country = null, other_countries = '{AFG,PAK}' where id = ?", id);
		assertRollupExact();
		// a bound moves it to the earliest day it can have begun
		this.fixtures
			.update("update incident set end_date = start_date + 20, earliest_start = start_date + 9 where id = ?", id);
		assertRollupExact();
		assertThat(this.jdbc.sql("select day from incident_daily_admin1_rollup where admin1 = :admin1")
			.param("admin1", this.admin1)
			.query(LocalDate.class)
			.single()).isEqualTo(DAY.plusDays(9));
		// killed no longer reported, then reported as an explicit zero
		this.fixtures.update("update incident set fatalities = null where id = ?", id);
		assertRollupExact();
		assertThat(this.jdbc
			.sql("select fatalities_not_reported from incident_daily_rollup where day = :day "
					+ "and country = 'AFG,PAK' and event_type = 'BATTLES' and sub_event_type = 'ARMED_CLASH'")
			.param("day", DAY.plusDays(9))
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);
		this.fixtures.update("update incident set fatalities = 0 where id = ?", id);
		assertRollupExact();
		this.fixtures.update("delete from incident where id = ?", id);
		assertRollupExact();
	}

	@Test
	void followsCasualtyFiguresReplacedTheWayHibernateRewritesACollection() {
		UUID id = incidentWithFigures("PAK");

		this.tx.executeWithoutResult((status) -> {
			this.fixtures.update("update incident set version = version + 1 where id = ?", id);
			this.fixtures.clearFigures(id);
			this.fixtures.figure(id, 0, "MILITANTS", "KILLED", 7);
			this.fixtures.figure(id, 1, "UNKNOWN", "WOUNDED", 2);
		});
		assertRollupExact();

		// rows rewritten in place by position, and a figure turned into a claim and back
		this.fixtures.update("update casualty_figure set category = 'CIVILIANS', outcome = 'KILLED', best = 9 "
				+ "where incident_id = ? and position = 0", id);
		assertRollupExact();
		UUID claimant = this.fixtures.actor("Claimant " + UUID.randomUUID());
		this.fixtures.update("update casualty_figure set claimant_actor_id = ? where incident_id = ? and position = 1",
				claimant, id);
		assertRollupExact();
		this.fixtures
			.update("update casualty_figure set claimant_actor_id = null where incident_id = ? and position = 1", id);
		assertRollupExact();
	}

	@Test
	void followsKeyChangeAndFigureReplacementInOneTransactionInEitherOrder() {
		UUID first = incidentWithFigures("PAK");
		UUID second = incidentWithFigures("PAK");

		this.tx.executeWithoutResult((status) -> {
			this.fixtures.update("update incident set country = 'IRN', start_date = ?, end_date = ? where id = ?",
					DAY.minusDays(3), DAY.minusDays(3), first);
			this.fixtures.clearFigures(first);
			this.fixtures.figure(first, 0, "CIVILIANS", "KILLED", 11);
		});
		this.tx.executeWithoutResult((status) -> {
			this.fixtures.clearFigures(second);
			this.fixtures.figure(second, 0, "SECURITY_FORCES", "WOUNDED", 13);
			this.fixtures.update("update incident set country = 'IND', event_type = 'PROTESTS', "
					+ "sub_event_type = 'PEACEFUL_PROTEST' where id = ?", second);
		});

		assertRollupExact();
	}

	@Test
	void followsManyRowsChangedByOneStatement() {
		incidentWithFigures("PAK");
		incidentWithFigures("PAK");
		incidentWithFigures("AFG");

		this.fixtures.update(
				"update incident set start_date = start_date + 1, end_date = end_date + 1 where admin1 = ?",
				this.admin1);
		assertRollupExact();
		this.fixtures.update("update casualty_figure set best = best + 1 where incident_id in "
				+ "(select id from incident where admin1 = ?)", this.admin1);
		assertRollupExact();
	}

	@Test
	void keepsTheDaysEachMultiDayIncidentIsOngoingThroughEveryKindOfWrite() {
		UUID siege = incidentWithFigures("PAK");
		UUID clash = incidentWithFigures("AFG");

		// stretched over several days, in one statement for both, on days no other test
		// writes
		this.fixtures.update("update incident set start_date = '1971-03-01', end_date = '1971-03-13' where admin1 = ?",
				this.admin1);
		assertRollupExact();
		assertThat(ongoingDays("PAK")).isEqualTo(12);
		// bounded, moved, across a border, of another type
		this.fixtures.update(
				"update incident set earliest_start = start_date + 2, latest_end = start_date + 7 where id = ?", siege);
		assertRollupExact();
		assertThat(ongoingDays("PAK")).isEqualTo(5);
		this.fixtures.update("update incident set start_date = start_date + 30, end_date = end_date + 40, "
				+ "earliest_start = null, latest_end = null where id = ?", siege);
		assertRollupExact();
		this.fixtures.update("update incident set other_countries = '{PAK}' where id = ?", clash);
		assertRollupExact();
		this.fixtures.update("update incident set event_type = 'RIOTS', sub_event_type = 'MOB_VIOLENCE' where id = ?",
				clash);
		assertRollupExact();
		// an edit that leaves the span alone counts nothing twice
		this.fixtures.update("update incident set version = version + 1, title = 'Renamed' where admin1 = ?",
				this.admin1);
		assertRollupExact();
		// back to a single day: no longer ongoing on any day
		this.fixtures.update("update incident set end_date = start_date where id = ?", siege);
		assertRollupExact();
		assertThat(ongoingDays("PAK")).isZero();
		this.fixtures.update("delete from incident where id = ?", clash);
		assertRollupExact();
		assertThat(ongoingDays("AFG,PAK")).isZero();
	}

	/**
	 * The incident-days of this test's incidents under a country key: the rows of the
	 * days one of them is ongoing, summed (a row counts every incident of its key and
	 * day; no other test writes these days).
	 */
	private int ongoingDays(String country) {
		return this.jdbc.sql("""
				select coalesce(sum(o.incidents), 0)::int from incident_ongoing_rollup o
				where o.country = :country and exists (select 1 from incident i where i.admin1 = :admin1
				  and o.day > i.effective_start and o.day <= i.effective_end)""")
			.param("country", country)
			.param("admin1", this.admin1)
			.query(Integer.class)
			.single();
	}

	@Test
	void followsActorsAddedReplacedAndRemovedCountingEachActorOncePerIncident() {
		UUID id = incidentWithFigures("PAK");
		UUID police = this.fixtures.actor("Police " + UUID.randomUUID());
		UUID levies = this.fixtures.actor("Levies " + UUID.randomUUID());

		// two rows of one new actor in one statement count once
		this.fixtures.update("insert into incident_actor (incident_id, position, actor_id, role) values "
				+ "(?, 5, ?, 'PARTICIPANT'), (?, 6, ?, 'TARGET')", id, police, id, police);
		assertRollupExact();
		assertThat(actorIncidents(police)).isEqualTo(1);
		// rewritten by position: police keeps its other row, levies comes in
		this.fixtures.update("update incident_actor set actor_id = ? where incident_id = ? and position = 5", levies,
				id);
		assertRollupExact();
		// one statement moving rows between actors both ways
		this.fixtures.update("update incident_actor set actor_id = case when actor_id = ? then ? else ? end "
				+ "where incident_id = ? and position in (5, 6)", police, levies, police, id);
		assertRollupExact();
		// removing the last row of an actor removes the actor's count
		this.fixtures.update("delete from incident_actor where incident_id = ? and actor_id = ?", id, police);
		assertRollupExact();
		assertThat(actorIncidents(police)).isZero();
		// Hibernate rewriting the whole collection in one transaction
		this.tx.executeWithoutResult((status) -> {
			this.fixtures.update("delete from incident_actor where incident_id = ?", id);
			this.fixtures.involve(id, 0, police, "INITIATOR");
			this.fixtures.involve(id, 1, levies, "TARGET");
		});
		assertRollupExact();
		// figures and key changes reach every actor's row
		this.fixtures.figure(id, 7, "CIVILIANS", "WOUNDED", 8);
		this.fixtures.update("update incident set country = 'AFG', start_date = ?, end_date = ? where id = ?",
				DAY.plusDays(2), DAY.plusDays(2), id);
		assertRollupExact();
		assertThat(actorIncidents(levies)).isEqualTo(1);
	}

	private int actorIncidents(UUID actor) {
		return this.jdbc
			.sql("select coalesce(sum(incidents), 0) from incident_actor_daily_rollup where actor_id = :actor")
			.param("actor", actor)
			.query(Integer.class)
			.single();
	}

	@Test
	void removesDeletedIncidentsWithTheirFigures() {
		UUID cascaded = incidentWithFigures("PAK");
		UUID explicit = incidentWithFigures("PAK");
		UUID kept = incidentWithFigures("PAK");

		// the database cascade removes the figures after the incident
		this.fixtures.update("delete from incident where id = ?", cascaded);
		assertRollupExact();
		// Hibernate removes the collection rows first, then the incident
		this.tx.executeWithoutResult((status) -> {
			this.fixtures.clearFigures(explicit);
			this.fixtures.update("delete from incident where id = ?", explicit);
		});
		assertRollupExact();

		assertThat(this.jdbc.sql("select incidents from incident_daily_admin1_rollup where admin1 = :admin1")
			.param("admin1", this.admin1)
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.fixtures.update("delete from incident where id = ?", kept);
		assertThat(this.jdbc.sql("select count(*) from incident_daily_admin1_rollup where admin1 = :admin1")
			.param("admin1", this.admin1)
			.query(Integer.class)
			.single()).as("a key left without incidents is removed").isZero();
		assertRollupExact();
	}

	@Test
	void aFigureWrittenWhileItsIncidentMovesCountsUnderTheNewKey() throws Exception {
		UUID id = incidentWithFigures("PAK");
		CountDownLatch moved = new CountDownLatch(1);

		CompletableFuture<Void> mover = CompletableFuture.runAsync(() -> this.tx.executeWithoutResult((status) -> {
			this.fixtures.update("update incident set country = 'AFG' where id = ?", id);
			moved.countDown();
			sleep(500);
		}));
		assertThat(moved.await(10, TimeUnit.SECONDS)).isTrue();
		// waits for the mover's commit on the incident's row lock, then counts under AFG
		this.fixtures.figure(id, 5, "CIVILIANS", "KILLED", 17);
		mover.get(10, TimeUnit.SECONDS);

		assertRollupExact();
	}

	@Test
	void followsIncidentsWrittenThroughTheIncidentApi() {
		String army = this.api.post("/api/v1/actors", """
				{"name": "Army %s", "kind": "STATE_FORCES"}""".formatted(UUID.randomUUID()))
			.json()
			.path("id")
			.asString();
		String militants = this.api.post("/api/v1/actors", """
				{"name": "Militants %s", "kind": "NON_STATE_ARMED_GROUP"}""".formatted(UUID.randomUUID()))
			.json()
			.path("id")
			.asString();
		String body = """
				{"title": "Clash %s", "startDate": "%s", "datePrecision": "DAY", "eventType": "%s", "subEventType": "%s",
				 "location": {"placeName": "%s", "admin1": "%s", "country": "%s", "geoPrecision": "ADMIN1"},
				 "actors": [%s],
				 "casualties": [%s]}""";
		String twoActors = """
				{"actorId": "%s", "role": "INITIATOR"}, {"actorId": "%s", "role": "TARGET"}""".formatted(army,
				militants);
		Api.Response created = this.api.post("/api/v1/incidents",
				body.formatted(this.admin1, DAY, "BATTLES", "ARMED_CLASH", this.admin1, this.admin1, "PAK", twoActors,
						"""
								{"category": "SECURITY_FORCES", "outcome": "KILLED", "best": 3},
								{"category": "MILITANTS", "outcome": "KILLED", "best": 9, "claimantActorId": "%s"}"""
							.formatted(army)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertRollupExact();

		// replaced: new date, country and type, other figures, one actor fewer
		Api.Response replaced = this.api.put("/api/v1/incidents/" + id, body.formatted(this.admin1, DAY.plusDays(9),
				"EXPLOSIONS_REMOTE_VIOLENCE", "AIR_DRONE_STRIKE", this.admin1, this.admin1, "AFG", """
						{"actorId": "%s", "role": "INITIATOR"}""".formatted(army), """
						{"category": "CIVILIANS", "outcome": "KILLED", "best": 5},
						{"category": "CIVILIANS", "outcome": "WOUNDED", "best": 6}"""));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertRollupExact();

		Api.Response patched = this.api.patch("/api/v1/incidents/" + id, """
				{"casualties": [{"category": "UNKNOWN", "outcome": "KILLED", "best": 2}],
				 "actors": [%s]}""".formatted(twoActors));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertRollupExact();

		assertThat(this.api.delete("/api/v1/incidents/" + id).status()).isEqualTo(204);
		assertRollupExact();
	}

	@Test
	void statisticsFollowTheWrites() {
		UUID id = incidentWithFigures("PAK");
		String path = "/api/v1/stats/incidents?interval=year&groupBy=country&from=2023-01-01&to=2023-12-31&admin1="
				+ this.admin1.replace(" ", "%20");
		assertThat(this.api.get(path).json().path("buckets").get(0).path("key").asString()).isEqualTo("PAK");

		this.fixtures.update("update incident set country = 'AFG' where id = ?", id);
		this.fixtures.figure(id, 3, "SECURITY_FORCES", "KILLED", 4);

		var buckets = this.api.get(path).json().path("buckets");
		assertThat(buckets.size()).isEqualTo(1);
		assertThat(buckets.get(0).path("key").asString()).isEqualTo("AFG");
		assertThat(buckets.get(0).path("fatalities").asLong()).isEqualTo(7);
		assertThat(buckets.get(0).path("casualties").path("SECURITY_FORCES").path("killed").asLong()).isEqualTo(7);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
