package org.borderwatch.actor;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.borderwatch.common.CursorCodec;
import org.borderwatch.common.ConflictException;
import org.borderwatch.common.Cursor;
import org.borderwatch.common.ETags;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;
import org.borderwatch.common.RecordTable;
import org.borderwatch.common.ReferenceChecker;
import org.borderwatch.common.SqlFilter;

/**
 * Writes and reads actors. Each public method is one transaction, so a request that fails
 * half way leaves nothing behind.
 */
@Service
@Transactional
public class ActorService {

	private final ActorRepository actors;

	private final ActorDirectory directory;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	private final ActorInserts inserts;

	ActorService(ActorRepository actors, ActorDirectory directory, ReferenceChecker references, MergePatcher patcher,
			JdbcClient jdbc, CursorCodec cursors, ActorInserts inserts) {
		this.cursors = cursors;
		this.inserts = inserts;
		this.actors = actors;
		this.directory = directory;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	/**
	 * Builds and checks the actor through its entity, then writes it with
	 * {@link ActorInserts} rather than through JPA (see there why).
	 */
	public ActorResponse create(ActorRequest request) {
		Actor actor = new Actor(request.name(), request.kind());
		apply(actor, request);
		Instant createdAt = this.inserts.insert(actor);
		return ActorResponse.of(actor, this.directory.refs(ActorResponse.referencedIds(actor)), 0, createdAt,
				createdAt);
	}

	@Transactional(readOnly = true)
	public ActorResponse get(UUID id) {
		return toResponse(load(id));
	}

	public ActorResponse replace(UUID id, ActorRequest request, String ifMatch) {
		Actor actor = load(id);
		ETags.requireMatch(ifMatch, actor.getVersion());
		apply(actor, request);
		this.actors.flush();
		return toResponse(actor);
	}

	public ActorResponse patch(UUID id, JsonNode patch, String ifMatch) {
		Actor actor = load(id);
		ETags.requireMatch(ifMatch, actor.getVersion());
		apply(actor, this.patcher.apply(ActorRequest.from(actor), patch, ActorRequest.class));
		this.actors.flush();
		return toResponse(actor);
	}

	public void delete(UUID id, String ifMatch) {
		Actor actor = load(id);
		ETags.requireMatch(ifMatch, actor.getVersion());
		this.references.requireUnreferenced(RecordTable.ACTOR, "actor", id);
		this.actors.delete(actor);
		this.actors.flush();
	}

	/** One page in name order (case-insensitive), then id. */
	@Transactional(readOnly = true)
	public PageResponse<ActorResponse> list(ActorFilter filter, int limit, String cursor) {
		SqlFilter where = new SqlFilter()
			.when(filter.kinds().stream().map(Enum::name).toList(), "a.kind in (:kinds)", "kinds")
			.when(filter.countries(), "a.country in (:countries)", "countries")
			.when(filter.parent(), "a.parent_id = :parent", "parent")
			.when((filter.q() != null) ? SqlFilter.likePattern(filter.q().strip()) : null,
					"""
							(lower(a.name) like :q or exists (select 1 from unnest(a.aliases) alias where lower(alias) like :q))""",
					"q");
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(lower(a.name), a.id) > (:afterName, :afterId)",
					Map.of("afterName", after.value(0), "afterId", UUID.fromString(after.value(1))));
		}
		List<ActorKey> keys = this.jdbc.sql("""
				select a.id, lower(a.name) as sort_name from actor a
				%s
				order by lower(a.name), a.id
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query((rs, row) -> new ActorKey(rs.getObject("id", UUID.class), rs.getString("sort_name")))
			.list();
		PageResponse<ActorKey> page = PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(key.sortName(), key.id()));
		Map<UUID, ActorResponse> responses = loadAll(page.items().stream().map(ActorKey::id).toList());
		return page.map((key) -> responses.get(key.id()));
	}

	private Map<UUID, ActorResponse> loadAll(List<UUID> ids) {
		List<Actor> loaded = this.actors.findAllById(ids);
		Set<UUID> named = new HashSet<>();
		loaded.forEach((actor) -> named.addAll(ActorResponse.referencedIds(actor)));
		Map<UUID, ActorRef> refs = this.directory.refs(named);
		return loaded.stream().collect(Collectors.toMap(Actor::getId, (actor) -> ActorResponse.of(actor, refs)));
	}

	private record ActorKey(UUID id, String sortName) {
	}

	private Actor load(UUID id) {
		return this.actors.findById(id).orElseThrow(() -> NotFoundException.of("actor", id));
	}

	private void apply(Actor actor, ActorRequest request) {
		requireNameFree(request.name(), actor.getId());
		this.references.expect()
			.exists(RecordTable.ACTOR, "parentId", request.parentId())
			.allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds())
			.eachExists(RecordTable.ACTOR, "designations", request.designations(), "designatedBy",
					ActorRequest.DesignationRequest::designatedBy)
			.eachExists(RecordTable.SOURCE, "designations", request.designations(), "sourceId",
					ActorRequest.DesignationRequest::sourceId)
			.eachExists(RecordTable.ACTOR, "relations", request.relations(), "actorId",
					ActorRequest.RelationRequest::actorId)
			.verify();
		actor.rename(request.name());
		actor.describe(request.kind(), request.country(), request.title(), request.description(), request.aliases());
		actor.placeUnder(request.parentId());
		actor.designate(request.designations()
			.stream()
			.map((d) -> new Designation(d.designatedBy(), d.designation(), d.since(), d.until(), d.sourceId()))
			.toList());
		actor.relate(request.relations()
			.stream()
			.map((r) -> new ActorRelation(r.kind(), r.actorId(), r.since(), r.until()))
			.toList());
		actor.cite(request.sourceIds());
		if (request.externalIds() != null) {
			requireExternalIdsFree(request.externalIds(), actor.getId());
			actor.identifyIn(request.externalIds());
		}
	}

	private void requireExternalIdsFree(Set<ExternalId> externalIds, UUID self) {
		for (ExternalId externalId : externalIds) {
			this.jdbc.sql("""
					select a.name from actor_external_id x join actor a on a.id = x.actor_id
					where x.dataset = :dataset and x.external_id = :id and x.actor_id <> :self""")
				.param("dataset", externalId.dataset())
				.param("id", externalId.id())
				.param("self", self)
				.query(String.class)
				.optional()
				.ifPresent((other) -> {
					throw ConflictException.duplicate("externalIds", externalId.dataset() + " id '" + externalId.id()
							+ "' already names the actor '" + other + "'");
				});
		}
	}

	/**
	 * Names are unique regardless of case. Asked in SQL rather than through a JPA query:
	 * the check needs one column, not an actor, and in a profile of creates the JPA
	 * query's translation and entity loading were a fifth of the request's CPU time. The
	 * unique index {@code actor_name_key} on {@code lower(name)} serves it, so it costs
	 * the same however many actors there are.
	 */
	private void requireNameFree(String name, UUID self) {
		this.jdbc.sql("select a.name from actor a where lower(a.name) = lower(:name) and a.id <> :self limit 1")
			.param("name", name.strip())
			.param("self", self)
			.query(String.class)
			.optional()
			.ifPresent((other) -> {
				throw ConflictException.duplicate("name", "an actor named '" + other + "' already exists");
			});
	}

	private ActorResponse toResponse(Actor actor) {
		return ActorResponse.of(actor, this.directory.refs(ActorResponse.referencedIds(actor)));
	}

}
