package org.borderwatch.ceasefire;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;
import org.borderwatch.common.RecordTable;
import org.borderwatch.common.ReferenceChecker;
import org.borderwatch.common.SqlFilter;

/**
 * Writes and reads ceasefires. Each public method is one transaction, so a request that
 * fails half way leaves nothing behind. The lifecycle rules live in {@link Ceasefire};
 * this class checks what the aggregate cannot see by itself (unique names, that
 * referenced records exist).
 */
@Service
@Transactional
public class CeasefireService {

	/**
	 * The first day a ceasefire may have been in effect, or may have been agreed when it
	 * never took effect: its date widened to the start of its precision period (a
	 * YEAR-precision ceasefire counts from the first of January). Index
	 * {@code ceasefire_span_idx} is built on this very expression.
	 */
	static final String SPAN_START = """
			(case c.date_precision when 'DAY' then coalesce(c.effective_from, c.agreed_on)
			 else date_trunc(lower(c.date_precision), coalesce(c.effective_from, c.agreed_on)::timestamp)::date end)""";

	/**
	 * The list order, newest first; undated proposals come last. Index
	 * {@code ceasefire_order_idx}.
	 */
	private static final String SORT_KEY = "coalesce(c.effective_from, c.agreed_on, '-infinity'::date)";

	private final CeasefireRepository ceasefires;

	private final ActorDirectory directory;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	CeasefireService(CeasefireRepository ceasefires, ActorDirectory directory, ReferenceChecker references,
			MergePatcher patcher, JdbcClient jdbc, CursorCodec cursors) {
		this.cursors = cursors;
		this.ceasefires = ceasefires;
		this.directory = directory;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public CeasefireResponse create(CeasefireRequest request) {
		check(request, null);
		Ceasefire ceasefire = new Ceasefire(request.name(), request.arrangement(), request.partyIds(), request.form());
		apply(ceasefire, request);
		this.ceasefires.saveAndFlush(ceasefire);
		return CeasefireResponse.of(ceasefire, refs(ceasefire), 0);
	}

	@Transactional(readOnly = true)
	public CeasefireResponse get(UUID id) {
		return toResponse(load(id));
	}

	public CeasefireResponse replace(UUID id, CeasefireRequest request, String ifMatch) {
		Ceasefire ceasefire = load(id);
		ETags.requireMatch(ifMatch, ceasefire.getVersion());
		check(request, id);
		apply(ceasefire, request);
		this.ceasefires.flush();
		return toResponse(ceasefire);
	}

	public CeasefireResponse patch(UUID id, JsonNode patch, String ifMatch) {
		Ceasefire ceasefire = load(id);
		ETags.requireMatch(ifMatch, ceasefire.getVersion());
		CeasefireRequest request = this.patcher.apply(CeasefireRequest.from(ceasefire), patch, CeasefireRequest.class);
		check(request, id);
		apply(ceasefire, request);
		this.ceasefires.flush();
		return toResponse(ceasefire);
	}

	/**
	 * Ends a ceasefire in effect (see {@link Ceasefire#end}). Two clients ending the same
	 * ceasefire at once cannot both win: the loser either finds it no longer in effect or
	 * fails the version check when it writes, and gets a 409 either way.
	 */
	public CeasefireResponse end(UUID id, CeasefireEndRequest request, String ifMatch) {
		Ceasefire ceasefire = load(id);
		ETags.requireMatch(ifMatch, ceasefire.getVersion());
		this.references.expect().exists(RecordTable.ACTOR, "endedById", request.endedById()).verify();
		ceasefire.end(request.date(), request.status(), request.endedById(), request.reason());
		this.ceasefires.flush();
		return toResponse(ceasefire);
	}

	/**
	 * Deletes a ceasefire with its violations (they belong to it); 409 while any other
	 * record refers to it.
	 */
	public void delete(UUID id, String ifMatch) {
		Ceasefire ceasefire = load(id);
		ETags.requireMatch(ifMatch, ceasefire.getVersion());
		this.references.requireUnreferenced(RecordTable.CEASEFIRE, "ceasefire", id);
		this.ceasefires.delete(ceasefire);
		this.ceasefires.flush();
	}

	/**
	 * One page, newest first: by the date the ceasefire took effect (or was agreed, when
	 * it never did), then id, both descending. The statement count does not depend on the
	 * page size: the page's ids, the ceasefires with their collections in batches, actor
	 * names, violation counts.
	 */
	@Transactional(readOnly = true)
	public PageResponse<CeasefireResponse> list(CeasefireFilter filter, int limit, String cursor) {
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			throw InvalidInputException.forField("to", "must not be before from (" + filter.from() + ")");
		}
		SqlFilter where = new SqlFilter().when(filter.inEffectOn(), """
				(c.status <> 'PROPOSED' and c.effective_from is not null and %s <= :inEffectOn
				 and (c.ended_on is null or c.ended_on >= :inEffectOn))""".formatted(SPAN_START), "inEffectOn")
			.when(filter.parties(),
					"""
							exists (select 1 from ceasefire_party p where p.ceasefire_id = c.id and p.actor_id in (:parties))""",
					"parties")
			.when(filter.mediators(),
					"""
							exists (select 1 from ceasefire_mediator m where m.ceasefire_id = c.id and m.actor_id in (:mediators))""",
					"mediators")
			.when(filter.statuses().stream().map(Enum::name).toList(), "c.status in (:statuses)", "statuses")
			.when(filter.from(),
					"(%s is not null and (c.ended_on is null or c.ended_on >= :from))".formatted(SPAN_START), "from")
			.when(filter.to(), "%s <= :to".formatted(SPAN_START), "to")
			.when((filter.q() != null) ? SqlFilter.likePattern(filter.q().strip()) : null,
					"(lower(c.name) like :q or lower(coalesce(c.terms, '')) like :q)", "q");
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(%s, c.id) < (cast(:afterOn as date), :afterId)".formatted(SORT_KEY),
					Map.of("afterOn", after.value(0), "afterId", UUID.fromString(after.value(1))));
		}
		List<CeasefireKey> keys = this.jdbc.sql("""
				select c.id, %1$s::text as sort_on from ceasefire c
				%2$s
				order by %1$s desc, c.id desc
				limit :limit""".formatted(SORT_KEY, where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query((rs, row) -> new CeasefireKey(rs.getObject("id", UUID.class), rs.getString("sort_on")))
			.list();
		PageResponse<CeasefireKey> page = PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(key.sortOn(), key.id()));
		Map<UUID, CeasefireResponse> loaded = loadAll(page.items().stream().map(CeasefireKey::id).toList());
		return page.map((key) -> loaded.get(key.id()));
	}

	private record CeasefireKey(UUID id, String sortOn) {
	}

	private Map<UUID, CeasefireResponse> loadAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Ceasefire> loaded = this.ceasefires.findAllById(ids);
		Set<UUID> named = new HashSet<>();
		loaded.forEach((ceasefire) -> named.addAll(CeasefireResponse.referencedIds(ceasefire)));
		Map<UUID, ActorRef> refs = this.directory.refs(named);
		Map<UUID, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select ceasefire_id, count(*) as violations from ceasefire_violation
				where ceasefire_id in (:ids) group by ceasefire_id""")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject("ceasefire_id", UUID.class), rs.getLong("violations")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		Map<UUID, CeasefireResponse> responses = new HashMap<>();
		loaded.forEach((ceasefire) -> responses.put(ceasefire.getId(),
				CeasefireResponse.of(ceasefire, refs, counts.getOrDefault(ceasefire.getId(), 0L))));
		return responses;
	}

	private Ceasefire load(UUID id) {
		return this.ceasefires.findById(id).orElseThrow(() -> NotFoundException.of("ceasefire", id));
	}

	/**
	 * What the aggregate cannot check itself: the name is free, every referenced record
	 * exists.
	 */
	private void check(CeasefireRequest request, UUID self) {
		requireNameFree(request.name(), self);
		this.references.expect()
			.allExist(RecordTable.ACTOR, "partyIds", request.partyIds())
			.eachExists(RecordTable.ACTOR, "mediators", request.mediators(), "actorId",
					CeasefireRequest.MediatorRequest::actorId)
			.exists(RecordTable.ACTOR, "endedById", request.endedById())
			.exists(RecordTable.TALKS_ROUND, "talksRoundId", request.talksRoundId())
			.allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds())
			.verify();
	}

	private void apply(Ceasefire ceasefire, CeasefireRequest request) {
		ceasefire.rename(request.name());
		ceasefire.describe(request.form(), request.terms(), request.scope(), request.talksRoundId());
		ceasefire.engage(request.arrangement(), request.partyIds(),
				request.mediators().stream().map((m) -> new CeasefireMediator(m.actorId(), m.role())).toList());
		ceasefire.recordLifecycle(request.agreedOn(), request.effectiveFrom(), request.datePrecision(),
				request.status(), request.endedOn(), request.endedById(), request.endReason());
		ceasefire.cite(request.sourceIds());
	}

	private void requireNameFree(String name, UUID self) {
		this.ceasefires.findByNameIgnoreCase(name.strip())
			.filter((other) -> !other.getId().equals(self))
			.ifPresent((other) -> {
				throw ConflictException.duplicate("name", "a ceasefire named '" + other.getName() + "' already exists");
			});
	}

	private Map<UUID, ActorRef> refs(Ceasefire ceasefire) {
		return this.directory.refs(CeasefireResponse.referencedIds(ceasefire));
	}

	private CeasefireResponse toResponse(Ceasefire ceasefire) {
		long violations = this.jdbc.sql("select count(*) from ceasefire_violation where ceasefire_id = :id")
			.param("id", ceasefire.getId())
			.query(Long.class)
			.single();
		return CeasefireResponse.of(ceasefire, refs(ceasefire), violations);
	}

}
