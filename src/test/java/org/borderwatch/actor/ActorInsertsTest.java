package org.borderwatch.actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ActorInserts} writes a new actor as JPA would: the same rows in every table, the
 * same history entry, and an entity JPA loads back as it was built; and an actor created
 * through the API reads back exactly as it was served.
 */
class ActorInsertsTest extends IntegrationTest {

	@Autowired
	private ActorInserts inserts;

	@Autowired
	private ActorRepository actors;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID designator;

	private UUID related;

	private UUID parent;

	private UUID source;

	@BeforeEach
	void referencedRecords() {
		this.designator = insertActor("Designator");
		this.related = insertActor("Related");
		this.parent = insertActor("Parent");
		this.source = UUID.randomUUID();
		this.jdbc.sql("""
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				values (:id, 'Publisher', 'Title', 'NEWS', 0, now(), now())""").param("id", this.source).update();
	}

	private UUID insertActor(String name) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into actor (id, name, kind, version, created_at, updated_at)
				values (:id, :name, 'OTHER', 0, now(), now())""")
			.param("id", id)
			.param("name", name + " " + this.run)
			.update();
		return id;
	}

	/** An actor with every field and collection filled. */
	private Actor fullActor(String name) {
		Actor actor = new Actor(name + " " + this.run, ActorKind.NON_STATE_ARMED_GROUP);
		actor.describe(ActorKind.NON_STATE_ARMED_GROUP, "PAK", "Commander", "Described",
				List.of(" TTP ", "Pakistani Taliban", "TTP", "{braced, \"quoted\"}"));
		actor.placeUnder(this.parent);
		actor.designate(List.of(new Designation(this.designator, "Terrorist organization", LocalDate.of(2011, 7, 29),
				null, this.source), new Designation(null, "Banned", null, LocalDate.of(2020, 1, 1), null)));
		actor.relate(List.of(
				new ActorRelation(RelationKind.OPPOSES, this.related, LocalDate.of(2007, 12, 1),
						LocalDate.of(2008, 1, 1)),
				new ActorRelation(RelationKind.SPLINTER_OF, this.parent, null, null)));
		actor.cite(Set.of(this.source));
		actor.identifyIn(
				Set.of(new ExternalId("UCDP", name + "-" + this.run), new ExternalId("ACLED", name + this.run)));
		return actor;
	}

	/** The actor's rows in every table, without its id, name and times. */
	private List<List<Map<String, Object>>> rowsOf(UUID id) {
		return List.of(this.jdbc.sql("""
				select aliases::text, kind, country, parent_id, title, description, version,
				       created_at = updated_at as same_times
				from actor where id = :id""").param("id", id).query().listOfRows(), this.jdbc.sql("""
				select position, designated_by_id, designation, since, until, source_id
				from actor_designation where actor_id = :id order by position""").param("id", id).query().listOfRows(),
				this.jdbc.sql("""
						select position, kind, related_actor_id, since, until
						from actor_relation where actor_id = :id order by position""")
					.param("id", id)
					.query()
					.listOfRows(),
				this.jdbc.sql("select source_id from actor_source where actor_id = :id order by source_id")
					.param("id", id)
					.query()
					.listOfRows(),
				this.jdbc.sql("""
						select dataset, right(external_id, 8) as run from actor_external_id
						where actor_id = :id order by dataset""").param("id", id).query().listOfRows(),
				this.jdbc.sql("""
						select collection, version, action, actor, role, reason
						from record_change where record_id = :id order by seq""").param("id", id).query().listOfRows());
	}

	@Test
	void writesTheRowsAndHistoryEntryJpaWrites() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		Actor byJpa = fullActor("Jpa");
		Actor bySql = fullActor("Sql");

		transaction.executeWithoutResult((status) -> this.actors.saveAndFlush(byJpa));
		transaction.executeWithoutResult((status) -> this.inserts.insert(bySql));

		assertThat(rowsOf(bySql.getId())).isEqualTo(rowsOf(byJpa.getId()));
		assertThat(rowsOf(bySql.getId()).get(0)).hasSize(1);
		assertThat(rowsOf(bySql.getId()).get(5)).hasSize(1);
	}

	@Test
	void writesAnActorJpaLoadsBackAsItWasBuilt() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		Actor built = fullActor("Loaded");

		Instant createdAt = transaction.execute((status) -> this.inserts.insert(built));
		ActorResponse expected = ActorResponse.of(built, Map.of(), 0, createdAt, createdAt);

		ActorResponse loaded = transaction
			.execute((status) -> ActorResponse.of(this.actors.findById(built.getId()).orElseThrow(), Map.of()));
		assertThat(loaded).isEqualTo(expected);
	}

	@Test
	void anActorCreatedThroughTheApiReadsBackAsItWasServed() {
		Api api = new Api(this.port);
		Api.Response created = api.post("/api/v1/actors", """
				{"name": "Served %s", "kind": "NON_STATE_ARMED_GROUP", "country": "PAK", "title": "Commander",
				 "description": "Described", "aliases": ["TTP", " Pakistani Taliban "], "parentId": "%s",
				 "designations": [{"designatedBy": "%s", "designation": "Terrorist organization",
				                   "since": "2011-07-29", "sourceId": "%s"}],
				 "relations": [{"kind": "OPPOSES", "actorId": "%s", "since": "2007-12-01"}],
				 "sourceIds": ["%s"], "externalIds": [{"dataset": "UCDP", "id": "served-%s"}]}""".formatted(this.run,
				this.parent, this.designator, this.source, this.related, this.source, this.run));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Api.Response read = api.get("/api/v1/actors/" + created.json().path("id").asString());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(created.json());
		assertThat(created.json().path("version").asLong()).isZero();
		assertThat(created.json().path("parent").path("name").asString()).isEqualTo("Parent " + this.run);
	}

	@Test
	void refusesToInsertAnActorThatIsStoredAlready() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		Actor stored = fullActor("Stored");
		transaction.executeWithoutResult((status) -> this.actors.saveAndFlush(stored));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> transaction.executeWithoutResult((status) -> this.inserts.insert(stored)));
	}

}
