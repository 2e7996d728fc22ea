package org.borderwatch.talks;

import java.util.HashMap;
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

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
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
 * Writes and reads negotiations. Each public method is one transaction, so a request that
 * fails half way leaves nothing behind.
 */
@Service
@Transactional
public class NegotiationService {

	private final NegotiationRepository negotiations;

	private final ActorDirectory directory;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	NegotiationService(NegotiationRepository negotiations, ActorDirectory directory, ReferenceChecker references,
			MergePatcher patcher, JdbcClient jdbc, CursorCodec cursors) {
		this.cursors = cursors;
		this.negotiations = negotiations;
		this.directory = directory;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public NegotiationResponse create(NegotiationRequest request) {
		Negotiation negotiation = new Negotiation(request.name());
		apply(negotiation, request);
		this.negotiations.save(negotiation);
		this.negotiations.flush();
		return toResponse(negotiation);
	}

	@Transactional(readOnly = true)
	public NegotiationResponse get(UUID id) {
		return toResponse(load(id));
	}

	public NegotiationResponse replace(UUID id, NegotiationRequest request, String ifMatch) {
		Negotiation negotiation = loadForWrite(id);
		ETags.requireMatch(ifMatch, negotiation.getVersion());
		apply(negotiation, request);
		this.negotiations.flush();
		return toResponse(negotiation);
	}

	public NegotiationResponse patch(UUID id, JsonNode patch, String ifMatch) {
		Negotiation negotiation = loadForWrite(id);
		ETags.requireMatch(ifMatch, negotiation.getVersion());
		apply(negotiation, this.patcher.apply(NegotiationRequest.from(negotiation), patch, NegotiationRequest.class));
		this.negotiations.flush();
		return toResponse(negotiation);
	}

	/**
	 * Refused with 409 while rounds belong to the negotiation: they would lose their
	 * context.
	 */
	public void delete(UUID id, String ifMatch) {
		Negotiation negotiation = loadForWrite(id);
		ETags.requireMatch(ifMatch, negotiation.getVersion());
		this.references.requireUnreferenced(RecordTable.NEGOTIATION, "negotiation", id);
		this.negotiations.delete(negotiation);
		this.negotiations.flush();
	}

	/** One page in name order (case-insensitive), then id. */
	@Transactional(readOnly = true)
	public PageResponse<NegotiationResponse> list(NegotiationFilter filter, int limit, String cursor) {
		SqlFilter where = new SqlFilter().when(filter.parties(),
				"""
						exists (select 1 from negotiation_party p where p.negotiation_id = n.id and p.actor_id in (:parties))""",
				"parties")
			.when(filter.mediators(),
					"""
							exists (select 1 from negotiation_mediator m where m.negotiation_id = n.id and m.actor_id in (:mediators))""",
					"mediators")
			.when((filter.q() != null) ? SqlFilter.likePattern(filter.q().strip()) : null, "lower(n.name) like :q",
					"q");
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(lower(n.name), n.id) > (:afterName, :afterId)",
					Map.of("afterName", after.value(0), "afterId", TalksCursors.uuid(after.value(1))));
		}
		List<NegotiationKey> keys = this.jdbc.sql("""
				select n.id, lower(n.name) as sort_name from negotiation n
				%s
				order by lower(n.name), n.id
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query((rs, row) -> new NegotiationKey(rs.getObject("id", UUID.class), rs.getString("sort_name")))
			.list();
		PageResponse<NegotiationKey> page = PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(key.sortName(), key.id()));
		Map<UUID, NegotiationResponse> negotiations = loadAll(page.items().stream().map(NegotiationKey::id).toList());
		return page.map((key) -> negotiations.get(key.id()));
	}

	private Map<UUID, NegotiationResponse> loadAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Negotiation> loaded = this.negotiations.findAllById(ids);
		Set<UUID> named = new HashSet<>();
		loaded.forEach((negotiation) -> named.addAll(NegotiationResponse.referencedIds(negotiation)));
		Map<UUID, ActorRef> refs = this.directory.refs(named);
		Map<UUID, Long> roundCounts = roundCounts(ids);
		return loaded.stream()
			.collect(Collectors.toMap(Negotiation::getId, (negotiation) -> NegotiationResponse.of(negotiation,
					roundCounts.getOrDefault(negotiation.getId(), 0L), refs)));
	}

	private Map<UUID, Long> roundCounts(List<UUID> ids) {
		Map<UUID, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select negotiation_id, count(*) as rounds from talks_round
				where negotiation_id in (:ids)
				group by negotiation_id""")
			.param("ids", ids)
			.query((rs, row) -> counts.put(rs.getObject("negotiation_id", UUID.class), rs.getLong("rounds")))
			.list();
		return counts;
	}

	private record NegotiationKey(UUID id, String sortName) {
	}

	private Negotiation load(UUID id) {
		return this.negotiations.findById(id).orElseThrow(() -> NotFoundException.of("negotiation", id));
	}

	private Negotiation loadForWrite(UUID id) {
		return this.negotiations.findForWriteById(id).orElseThrow(() -> NotFoundException.of("negotiation", id));
	}

	private void apply(Negotiation negotiation, NegotiationRequest request) {
		requireNameFree(request.name(), negotiation.getId());
		this.references.expect()
			.allExist(RecordTable.ACTOR, "partyIds", request.partyIds())
			.eachExists(RecordTable.ACTOR, "mediators", request.mediators(), "actorId", MediatorRequest::actorId)
			.allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds())
			.verify();
		negotiation.rename(request.name());
		negotiation.describe(request.description());
		negotiation.involve(request.partyIds(), request.mediators().stream().map(MediatorRequest::toMediator).toList());
		negotiation.cite(request.sourceIds());
	}

	private void requireNameFree(String name, UUID self) {
		this.negotiations.findByNameIgnoreCase(name.strip())
			.filter((other) -> !other.getId().equals(self))
			.ifPresent((other) -> {
				throw ConflictException.duplicate("name",
						"a negotiation named '" + other.getName() + "' already exists");
			});
	}

	private NegotiationResponse toResponse(Negotiation negotiation) {
		long rounds = roundCounts(List.of(negotiation.getId())).getOrDefault(negotiation.getId(), 0L);
		return NegotiationResponse.of(negotiation, rounds,
				this.directory.refs(NegotiationResponse.referencedIds(negotiation)));
	}

}
