package org.borderwatch.incident;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.CursorCodec;
import org.borderwatch.common.ConflictException;
import org.borderwatch.common.Cursor;
import org.borderwatch.common.ETags;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.IsoDates;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;
import org.borderwatch.common.RecordTable;
import org.borderwatch.common.ReferenceChecker;
import org.borderwatch.common.SqlFilter;

/**
 * Writes and reads incidents. Each public method is one transaction, so a request that
 * fails half way (a broken reference in the third casualty figure) leaves the stored
 * incident as it was.
 */
@Service
@Transactional
public class IncidentService {

	private final IncidentRepository incidents;

	private final ActorDirectory directory;

	private final AllegedViolations violations;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	IncidentService(IncidentRepository incidents, ActorDirectory directory, AllegedViolations violations,
			ReferenceChecker references, MergePatcher patcher, JdbcClient jdbc, CursorCodec cursors) {
		this.cursors = cursors;
		this.incidents = incidents;
		this.directory = directory;
		this.violations = violations;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public IncidentResponse create(IncidentRequest request) {
		Incident incident = new Incident(request.title(), request.startDate(), request.datePrecision(),
				request.eventType(), request.subEventType());
		apply(incident, request);
		this.incidents.saveAndFlush(incident);
		return toResponse(incident);
	}

	@Transactional(readOnly = true)
	public IncidentResponse get(UUID id) {
		return toResponse(load(id));
	}

	/**
	 * The incident imported from {@code dataset}'s record {@code externalId}, for
	 * idempotent imports.
	 */
	@Transactional(readOnly = true)
	public IncidentResponse getByExternalRef(String dataset, String externalId) {
		return this.incidents.findByExternalDatasetAndExternalId(dataset.strip(), externalId.strip())
			.map(this::toResponse)
			.orElseThrow(() -> NotFoundException.of("incident", "from " + dataset + " record " + externalId));
	}

	public IncidentResponse replace(UUID id, IncidentRequest request, String ifMatch) {
		Incident incident = load(id);
		ETags.requireMatch(ifMatch, incident.getVersion());
		apply(incident, request);
		this.incidents.flush();
		return toResponse(incident);
	}

	public IncidentResponse patch(UUID id, JsonNode patch, String ifMatch) {
		Incident incident = load(id);
		ETags.requireMatch(ifMatch, incident.getVersion());
		apply(incident, this.patcher.apply(IncidentRequest.from(incident), patch, IncidentRequest.class));
		this.incidents.flush();
		return toResponse(incident);
	}

	/**
	 * Refused with 409 while a ceasefire violation or a crossing status change refers to
	 * it.
	 */
	public void delete(UUID id, String ifMatch) {
		Incident incident = load(id);
		ETags.requireMatch(ifMatch, incident.getVersion());
		this.references.requireUnreferenced(RecordTable.INCIDENT, "incident", id);
		this.incidents.delete(incident);
		this.incidents.flush();
	}

	/**
	 * One page, newest first (start date descending, then id descending). A fixed number
	 * of statements whatever the page size: the ids, the incidents, each owned collection
	 * in one batch, the alleged violations, the actor names.
	 */
	@Transactional(readOnly = true)
	public PageResponse<IncidentResponse> list(IncidentFilter filter, int limit, String cursor) {
		SqlFilter where = filter.toSql();
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(i.start_date, i.id) < (:afterStart, :afterId)",
					Map.of("afterStart", parseCursorDate(after.value(0)), "afterId", parseCursorId(after.value(1))));
		}
		List<IncidentKey> keys = this.jdbc.sql("""
				select i.id, i.start_date from incident i
				%s
				order by i.start_date desc, i.id desc
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query((rs, row) -> new IncidentKey(rs.getObject("id", UUID.class),
					rs.getObject("start_date", LocalDate.class)))
			.list();
		PageResponse<IncidentKey> page = PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(key.startDate(), key.id()));
		Map<UUID, IncidentResponse> loaded = loadAll(page.items().stream().map(IncidentKey::id).toList());
		return page.map((key) -> loaded.get(key.id()));
	}

	private Map<UUID, IncidentResponse> loadAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Incident> loaded = this.incidents.findAllById(ids);
		Set<UUID> named = new HashSet<>();
		loaded.forEach((incident) -> named.addAll(IncidentResponse.referencedIds(incident)));
		Map<UUID, ActorRef> refs = this.directory.refs(named);
		Map<UUID, List<IncidentResponse.AllegedViolation>> alleged = this.violations.of(ids);
		return loaded.stream()
			.collect(Collectors.toMap(Incident::getId, (incident) -> IncidentResponse.of(incident, refs,
					alleged.getOrDefault(incident.getId(), List.of()))));
	}

	private record IncidentKey(UUID id, LocalDate startDate) {
	}

	private static LocalDate parseCursorDate(String value) {
		return parseCursorValue(value, IsoDates::parseDate);
	}

	private static UUID parseCursorId(String value) {
		return parseCursorValue(value, UUID::fromString);
	}

	/**
	 * A signed cursor always parses; this only guards against a cursor signed for another
	 * list.
	 */
	private static <T> T parseCursorValue(String value, Function<String, T> parser) {
		try {
			return parser.apply(value);
		}
		catch (RuntimeException ex) {
			throw InvalidInputException.forField("cursor",
					"is not a cursor this list issued; use the nextCursor value of a previous page unchanged");
		}
	}

	private Incident load(UUID id) {
		return this.incidents.findById(id).orElseThrow(() -> NotFoundException.of("incident", id));
	}

	private void apply(Incident incident, IncidentRequest request) {
		requireExternalRefFree(request.externalRef(), incident.getId());
		this.references.expect()
			.eachExists(RecordTable.ACTOR, "actors", request.actors(), "actorId",
					IncidentRequest.ActorRoleRequest::actorId)
			.eachExists(RecordTable.ACTOR, "casualties", request.casualties(), "sideActorId",
					IncidentRequest.CasualtyRequest::sideActorId)
			.eachExists(RecordTable.ACTOR, "casualties", request.casualties(), "claimantActorId",
					IncidentRequest.CasualtyRequest::claimantActorId)
			.eachExists(RecordTable.SOURCE, "casualties", request.casualties(), "sourceId",
					IncidentRequest.CasualtyRequest::sourceId)
			.eachExists(RecordTable.ACTOR, "claims", request.claims(), "actorId", IncidentRequest.ClaimRequest::actorId)
			.eachExists(RecordTable.ACTOR, "claims", request.claims(), "accusedActorId",
					IncidentRequest.ClaimRequest::accusedActorId)
			.eachExists(RecordTable.SOURCE, "claims", request.claims(), "sourceId",
					IncidentRequest.ClaimRequest::sourceId)
			.allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds())
			.verify();
		incident.describe(request.title(), request.description());
		incident.schedule(request.startDate(), request.endDate(), request.datePrecision());
		incident.bound(request.startedOnOrAfter(), request.endedOnOrBefore());
		incident.classify(request.eventType(), request.subEventType());
		incident.locate(request.location());
		incident.involve(request.actors().stream().map((a) -> new Involvement(a.actorId(), a.role())).toList());
		incident.recordCasualties(request.casualties()
			.stream()
			.map((f) -> new CasualtyFigure(f.category(), f.outcome(), f.low(), f.best(), f.high(), f.sideActorId(),
					f.claimantActorId(), f.sourceId(), f.note()))
			.toList());
		incident.recordClaims(request.claims()
			.stream()
			.map((c) -> new Claim(c.actorId(), c.stance(), c.accusedActorId(), c.date(), c.statement(), c.sourceId()))
			.toList());
		incident.assess(request.verification());
		incident.tag(request.tags());
		incident.cite(request.sourceIds());
		incident.importedFrom(request.externalRef());
	}

	private void requireExternalRefFree(ExternalRef ref, UUID self) {
		if (ref == null) {
			return;
		}
		this.incidents.findByExternalDatasetAndExternalId(ref.dataset().strip(), ref.id().strip())
			.filter((other) -> !other.getId().equals(self))
			.ifPresent((other) -> {
				throw ConflictException.duplicate("externalRef", "incident " + other.getId()
						+ " was already imported from " + ref.dataset() + " record " + ref.id());
			});
	}

	private IncidentResponse toResponse(Incident incident) {
		return IncidentResponse.of(incident, this.directory.refs(IncidentResponse.referencedIds(incident)),
				this.violations.of(List.of(incident.getId())).getOrDefault(incident.getId(), List.of()));
	}

}
