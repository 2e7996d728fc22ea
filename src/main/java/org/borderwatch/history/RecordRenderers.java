package org.borderwatch.history;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.borderwatch.actor.ActorService;
import org.borderwatch.ceasefire.CeasefireService;
import org.borderwatch.ceasefire.CeasefireViolationService;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.crossing.CrossingService;
import org.borderwatch.crossing.StatusChangeService;
import org.borderwatch.incident.IncidentService;
import org.borderwatch.source.SourceService;
import org.borderwatch.talks.NegotiationService;
import org.borderwatch.talks.TalksRoundService;

/**
 * Renders a record of any collection exactly as the API serves it: the feature's own
 * {@code get} and the JSON mapper of the HTTP converter. A history entry therefore holds
 * the same text a GET answered right after the change.
 */
@Component
class RecordRenderers {

	/** Reads one record by its parent's id (for child collections) and its own. */
	private interface Reader {

		Object read(UUID parentId, UUID id);

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
	 * The record's served JSON, or empty when it no longer exists (created and deleted in
	 * the same transaction) or its collection has no reader.
	 */
	Optional<String> render(String collection, UUID parentId, UUID id) {
		Reader reader = this.readers.get(collection);
		if (reader == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.mapper.writeValueAsString(reader.read(parentId, id)));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

}
