package org.borderwatch.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.borderwatch.actor.ActorResponse;
import org.borderwatch.actor.ActorService;
import org.borderwatch.ceasefire.CeasefireResponse;
import org.borderwatch.ceasefire.CeasefireService;
import org.borderwatch.ceasefire.CeasefireViolationService;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.ServedJson;
import org.borderwatch.crossing.CrossingResponse;
import org.borderwatch.crossing.CrossingService;
import org.borderwatch.crossing.StatusChangeResponse;
import org.borderwatch.crossing.StatusChangeService;
import org.borderwatch.incident.IncidentResponse;
import org.borderwatch.incident.IncidentService;
import org.borderwatch.source.SourceResponse;
import org.borderwatch.source.SourceService;
import org.borderwatch.talks.NegotiationResponse;
import org.borderwatch.talks.NegotiationService;
import org.borderwatch.talks.TalksRoundResponse;
import org.borderwatch.talks.TalksRoundService;

/**
 * Renders a record of any collection exactly as the API serves it: the feature's own
 * {@code get} and the JSON mapper of the HTTP converter. A history entry therefore holds
 * the same text a GET answered right after the change.
 * <p>
 * When the transaction's own service already answered with the record at the entry's
 * version (the response of the create or update, kept by {@link ServedRecordCapture}),
 * that answer is rendered instead of reading the record again: the same text, one read
 * and one rendering fewer per write. Violations carry no version and are always read.
 */
@Component
class RecordRenderers {

	/** Reads one record by its parent's id (for child collections) and its own. */
	private interface Reader {

		Object read(UUID parentId, UUID id);

	}

	/** The served type of a collection, with its id and version. */
	private record Served<T>(Class<T> type, Function<T, UUID> id, ToLongFunction<T> version) {

		Object matching(UUID recordId, long recordVersion) {
			T record = ServedRecords.find(this.type, recordId);
			return (record != null && this.version.applyAsLong(record) == recordVersion) ? record : null;
		}

		long versionOf(Object record) {
			return this.version.applyAsLong(this.type.cast(record));
		}

	}

	private static final Map<String, Served<?>> SERVED = Map.of(HistoryCollections.ACTORS,
			new Served<>(ActorResponse.class, ActorResponse::id, ActorResponse::version), HistoryCollections.SOURCES,
			new Served<>(SourceResponse.class, SourceResponse::id, SourceResponse::version),
			HistoryCollections.INCIDENTS,
			new Served<>(IncidentResponse.class, IncidentResponse::id, IncidentResponse::version),
			HistoryCollections.CEASEFIRES,
			new Served<>(CeasefireResponse.class, CeasefireResponse::id, CeasefireResponse::version),
			HistoryCollections.NEGOTIATIONS,
			new Served<>(NegotiationResponse.class, NegotiationResponse::id, NegotiationResponse::version),
			HistoryCollections.TALKS_ROUNDS,
			new Served<>(TalksRoundResponse.class, TalksRoundResponse::id, TalksRoundResponse::version),
			HistoryCollections.CROSSINGS,
			new Served<>(CrossingResponse.class, CrossingResponse::id, CrossingResponse::version),
			HistoryCollections.CROSSING_STATUS_CHANGES,
			new Served<>(StatusChangeResponse.class, StatusChangeResponse::id, StatusChangeResponse::version));

	private static final Map<Class<?>, Function<Object, UUID>> SERVED_IDS = servedIds();

	private static final Map<Class<?>, String> SERVED_COLLECTIONS = servedCollections();

	/** A record a service answered with, rendered, with what identifies its entry. */
	record Rendered(String collection, UUID id, long version, String json) {
	}

	private final Map<String, Reader> readers;

	private final JsonMapper mapper;

	RecordRenderers(ActorService actors, SourceService sources, IncidentService incidents, CeasefireService ceasefires,
			CeasefireViolationService violations, NegotiationService negotiations, TalksRoundService rounds,
			CrossingService crossings, StatusChangeService statusChanges, JsonMapper mapper) {
		this.mapper = mapper;
		this.readers = Map.of(HistoryCollections.ACTORS, (parent, id) -> actors.get(id), HistoryCollections.SOURCES,
				(parent, id) -> sources.get(id), HistoryCollections.INCIDENTS, (parent, id) -> incidents.get(id),
				HistoryCollections.CEASEFIRES, (parent, id) -> ceasefires.get(id),
				HistoryCollections.CEASEFIRE_VIOLATIONS, violations::get, HistoryCollections.NEGOTIATIONS,
				(parent, id) -> negotiations.get(id), HistoryCollections.TALKS_ROUNDS, (parent, id) -> rounds.get(id),
				HistoryCollections.CROSSINGS, (parent, id) -> crossings.get(id).crossing(),
				HistoryCollections.CROSSING_STATUS_CHANGES, statusChanges::get);
	}

	/**
	 * The record's served JSON at {@code version}, or empty when it no longer exists
	 * (created and deleted in the same transaction) or its collection has no reader.
	 */
	Optional<String> render(String collection, UUID parentId, UUID id, long version) {
		Reader reader = this.readers.get(collection);
		if (reader == null) {
			return Optional.empty();
		}
		Served<?> served = SERVED.get(collection);
		Object answered = (served != null) ? served.matching(id, version) : null;
		try {
			return Optional
				.of(this.mapper.writeValueAsString((answered != null) ? answered : reader.read(parentId, id)));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Renders each record the current transaction's services answered with, once, or none
	 * when they answered with more than {@code limit}. The text completes the record's
	 * history entry and, through {@link ServedJson}, answers the request.
	 */
	List<Rendered> renderServed(int limit) {
		List<Rendered> rendered = new ArrayList<>();
		ServedRecords.forEach(limit, (type, id, record) -> {
			String collection = SERVED_COLLECTIONS.get(type);
			if (collection != null) {
				String json = this.mapper.writeValueAsString(record);
				ServedJson.remember(record, json);
				rendered.add(new Rendered(collection, id, SERVED.get(collection).versionOf(record), json));
			}
		});
		return rendered;
	}

	/**
	 * The id of a service's answer when it is a record of a collection history completes,
	 * else empty.
	 */
	static Optional<UUID> servedId(Object answer) {
		Function<Object, UUID> id = SERVED_IDS.get(answer.getClass());
		return (id != null) ? Optional.ofNullable(id.apply(answer)) : Optional.empty();
	}

	private static Map<Class<?>, Function<Object, UUID>> servedIds() {
		Map<Class<?>, Function<Object, UUID>> ids = new HashMap<>();
		SERVED.values().forEach((served) -> ids.put(served.type(), idOf(served)));
		return Map.copyOf(ids);
	}

	private static Map<Class<?>, String> servedCollections() {
		Map<Class<?>, String> collections = new HashMap<>();
		SERVED.forEach((collection, served) -> collections.put(served.type(), collection));
		return Map.copyOf(collections);
	}

	private static <T> Function<Object, UUID> idOf(Served<T> served) {
		return (answer) -> served.id().apply(served.type().cast(answer));
	}

}
