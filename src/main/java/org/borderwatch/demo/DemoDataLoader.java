package org.borderwatch.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRequest;
import org.borderwatch.actor.ActorService;
import org.borderwatch.ceasefire.CeasefireRequest;
import org.borderwatch.ceasefire.CeasefireService;
import org.borderwatch.crossing.CrossingRequest;
import org.borderwatch.crossing.CrossingService;
import org.borderwatch.crossing.StatusChangeRequest;
import org.borderwatch.crossing.StatusChangeService;
import org.borderwatch.incident.IncidentRequest;
import org.borderwatch.incident.IncidentService;
import org.borderwatch.source.SourceRequest;
import org.borderwatch.talks.NegotiationRequest;
import org.borderwatch.talks.NegotiationService;
import org.borderwatch.talks.TalksRoundRequest;
import org.borderwatch.talks.TalksRoundService;
import org.borderwatch.source.SourceService;

/**
 * Loads the demo scenario (the 2025 Pakistan-Afghanistan border conflict) on the first
 * start.
 * <p>
 * The data file speaks the API's own request format, so every record passes the same
 * validation and domain rules as a client's; references between records are written
 * {@code @kind:key} and resolved to ids as the records are created. The whole set goes in
 * one transaction and is recorded in {@code demo_data_load}, so it is loaded once and
 * never half.
 * <p>
 * On by default in embedded mode, off with an external database unless
 * {@code borderwatch.demo-data.enabled=true}.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String SCENARIO = "demo/scenario.json";

	private final Environment environment;

	private final ObjectProvider<EmbeddedPostgres> embedded;

	private final JsonMapper mapper;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final SourceService sources;

	private final ActorService actors;

	private final ActorDirectory actorDirectory;

	private final IncidentService incidents;

	private final NegotiationService negotiations;

	private final TalksRoundService rounds;

	private final CeasefireService ceasefires;

	private final CrossingService crossings;

	private final StatusChangeService statusChanges;

	DemoDataLoader(Environment environment, ObjectProvider<EmbeddedPostgres> embedded, JsonMapper mapper,
			JdbcClient jdbc, TransactionTemplate transaction, SourceService sources, ActorService actors,
			ActorDirectory actorDirectory, IncidentService incidents, NegotiationService negotiations,
			TalksRoundService rounds, CeasefireService ceasefires, CrossingService crossings,
			StatusChangeService statusChanges) {
		this.environment = environment;
		this.embedded = embedded;
		this.mapper = mapper;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.sources = sources;
		this.actors = actors;
		this.actorDirectory = actorDirectory;
		this.incidents = incidents;
		this.negotiations = negotiations;
		this.rounds = rounds;
		this.ceasefires = ceasefires;
		this.crossings = crossings;
		this.statusChanges = statusChanges;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (enabled()) {
			loadScenario();
		}
	}

	/** Loads the scenario unless it was loaded before; true when it was loaded now. */
	boolean loadScenario() throws IOException {
		JsonNode scenario;
		try (InputStream in = new ClassPathResource(SCENARIO).getInputStream()) {
			scenario = this.mapper.readTree(in);
		}
		String name = scenario.path("name").asString();
		boolean loaded = Boolean.TRUE.equals(this.transaction.execute((status) -> load(name, scenario)));
		if (loaded) {
			log.info("Loaded the demo scenario '{}'", name);
		}
		return loaded;
	}

	private boolean enabled() {
		Boolean configured = this.environment.getProperty("borderwatch.demo-data.enabled", Boolean.class);
		return (configured != null) ? configured : this.embedded.getIfAvailable() != null;
	}

	/**
	 * Loads the scenario unless it is already recorded; false when there was nothing to
	 * do.
	 */
	private boolean load(String name, JsonNode scenario) {
		// The row lock makes a second instance starting at the same time wait, then skip.
		int inserted = this.jdbc.sql("""
				insert into demo_data_load (name, loaded_at) values (:name, :at)
				on conflict (name) do nothing""")
			.param("name", name)
			.param("at", java.sql.Timestamp.from(Instant.now()))
			.update();
		if (inserted == 0) {
			log.info("Demo scenario '{}' already loaded; leaving the data as it is", name);
			return false;
		}
		References references = new References();
		each(scenario, "sources", references, "source", SourceRequest.class,
				(request) -> this.sources.create(request).id());
		// Names are unique: an actor already on record (a dataset import brings states
		// such as
		// Pakistan) is the one the scenario means, and is referred to rather than created
		// again.
		each(scenario, "actors", references, "actor", ActorRequest.class,
				(request) -> this.actorDirectory.idByName(request.name())
					.orElseGet(() -> this.actors.create(request).id()));
		each(scenario, "incidents", references, "incident", IncidentRequest.class,
				(request) -> this.incidents.create(request).id());
		each(scenario, "negotiations", references, "negotiation", NegotiationRequest.class,
				(request) -> this.negotiations.create(request).id());
		each(scenario, "talksRounds", references, "round", TalksRoundRequest.class,
				(request) -> this.rounds.create(request).id());
		each(scenario, "ceasefires", references, "ceasefire", CeasefireRequest.class,
				(request) -> this.ceasefires.create(request).id());
		each(scenario, "crossings", references, "crossing", CrossingRequest.class,
				(request) -> this.crossings.create(request).id());
		for (JsonNode node : scenario.path("crossingStatusChanges")) {
			// The crossing is the path of the sub-resource, not a field of the change.
			ObjectNode change = (ObjectNode) references.resolve(node.deepCopy());
			UUID crossing = UUID.fromString(change.remove("crossingId").asString());
			this.statusChanges.create(crossing, this.mapper.treeToValue(change, StatusChangeRequest.class));
		}
		return true;
	}

	/**
	 * Creates each record of a section in file order. A record's key is its {@code key}
	 * field, or its {@code name} when it has none.
	 */
	private <R> void each(JsonNode scenario, String section, References references, String kind, Class<R> type,
			Function<R, UUID> create) {
		for (JsonNode node : scenario.path(section)) {
			ObjectNode record = ((ObjectNode) node).deepCopy();
			JsonNode keyNode = record.remove("key");
			String key = (keyNode != null) ? keyNode.asString() : record.path("name").asString();
			R request = this.mapper.treeToValue(references.resolve(record), type);
			references.put(kind, key, create.apply(request));
		}
	}

	/** The ids of the records created so far, by kind and key. */
	static final class References {

		private final Map<String, UUID> ids = new HashMap<>();

		void put(String kind, String key, UUID id) {
			this.ids.put(kind + ":" + key, id);
		}

		/** Replaces every {@code "@kind:key"} string in the tree by the id it names. */
		JsonNode resolve(JsonNode node) {
			if (node instanceof ObjectNode object) {
				object.properties().forEach((entry) -> object.set(entry.getKey(), resolve(entry.getValue())));
				return object;
			}
			if (node instanceof ArrayNode array) {
				for (int i = 0; i < array.size(); i++) {
					array.set(i, resolve(array.get(i)));
				}
				return array;
			}
			if (node.isString() && node.asString().startsWith("@")) {
				UUID id = this.ids.get(node.asString().substring(1));
				if (id == null) {
					throw new IllegalStateException(
							"The demo data refers to " + node.asString() + ", which is not defined before it");
				}
				return StringNode.valueOf(id.toString());
			}
			return node;
		}

	}

}
