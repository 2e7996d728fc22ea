package org.borderwatch.talks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.CursorCodec;
import org.borderwatch.common.BrokenReferenceException;
import org.borderwatch.common.ConflictException;
import org.borderwatch.common.Cursor;
import org.borderwatch.common.ETags;
import org.borderwatch.common.FieldError;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;
import org.borderwatch.common.RecordTable;
import org.borderwatch.common.ReferenceChecker;
import org.borderwatch.common.SqlFilter;

/**
 * Writes and reads rounds of talks. Each public method is one transaction, so a request
 * that fails half way leaves nothing behind.
 * <p>
 * Adding or removing a round locks its negotiation and bumps the negotiation's version:
 * the negotiation shows its {@code roundCount}, so its ETag must change with it, and two
 * requests creating rounds of one negotiation take turns, so the second sees the first's
 * round number.
 */
@Service
@Transactional
public class TalksRoundService {

	private static final String BY_NUMBER_CURSOR = "n";

	private final TalksRoundRepository rounds;

	private final NegotiationRepository negotiations;

	private final ActorDirectory directory;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	TalksRoundService(TalksRoundRepository rounds, NegotiationRepository negotiations, ActorDirectory directory,
			ReferenceChecker references, MergePatcher patcher, JdbcClient jdbc, CursorCodec cursors) {
		this.cursors = cursors;
		this.rounds = rounds;
		this.negotiations = negotiations;
		this.directory = directory;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public TalksRoundResponse create(TalksRoundRequest request) {
		verifyReferences(request);
		TalksRound round = new TalksRound(request.negotiationId(), request.roundNumber(), request.startDate(),
				request.endDate(), request.datePrecision(), request.status(), request.outcome());
		describe(round, request);
		lockNegotiations(Set.of(request.negotiationId()));
		requireNumberFree(request.negotiationId(), request.roundNumber(), round.getId());
		this.rounds.save(round);
		this.rounds.flush();
		return toResponse(round);
	}

	@Transactional(readOnly = true)
	public TalksRoundResponse get(UUID id) {
		return toResponse(load(id));
	}

	public TalksRoundResponse replace(UUID id, TalksRoundRequest request, String ifMatch) {
		TalksRound round = loadForWrite(id);
		ETags.requireMatch(ifMatch, round.getVersion());
		update(round, request);
		return toResponse(round);
	}

	public TalksRoundResponse patch(UUID id, JsonNode patch, String ifMatch) {
		TalksRound round = loadForWrite(id);
		ETags.requireMatch(ifMatch, round.getVersion());
		update(round, this.patcher.apply(TalksRoundRequest.from(round), patch, TalksRoundRequest.class));
		return toResponse(round);
	}

	public void delete(UUID id, String ifMatch) {
		TalksRound round = loadForWrite(id);
		ETags.requireMatch(ifMatch, round.getVersion());
		this.references.requireUnreferenced(RecordTable.TALKS_ROUND, "talks round", id);
		lockNegotiations(Set.of(round.getNegotiationId()));
		this.rounds.delete(round);
		this.rounds.flush();
	}

	/** One page, latest first: start date descending, then id descending. */
	@Transactional(readOnly = true)
	public PageResponse<TalksRoundResponse> list(TalksRoundFilter filter, int limit, String cursor) {
		SqlFilter where = filters(filter);
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(r.start_date, r.id) < (:afterDate, :afterId)", Map.of("afterDate",
					TalksCursors.date(after.value(0)), "afterId", TalksCursors.uuid(after.value(1))));
		}
		List<RoundKey> keys = this.jdbc.sql("""
				select r.id, r.start_date, r.round_number from talks_round r
				%s
				order by r.start_date desc, r.id desc
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query(RoundKey.class)
			.list();
		return toPage(
				PageResponse.fromLookahead(keys, limit, this.cursors, (key) -> Cursor.of(key.startDate(), key.id())));
	}

	/**
	 * The rounds of one negotiation in round-number order; 404 for an unknown
	 * negotiation.
	 */
	@Transactional(readOnly = true)
	public PageResponse<TalksRoundResponse> listOfNegotiation(UUID negotiationId, TalksRoundFilter filter, int limit,
			String cursor) {
		if (!this.negotiations.existsById(negotiationId)) {
			throw NotFoundException.of("negotiation", negotiationId);
		}
		SqlFilter where = filters(filter.withNegotiation(negotiationId));
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 3);
			TalksCursors.requireTag(after.value(0), BY_NUMBER_CURSOR);
			where.and("(r.round_number, r.id) > (:afterNumber, :afterId)", Map.of("afterNumber",
					TalksCursors.integer(after.value(1)), "afterId", TalksCursors.uuid(after.value(2))));
		}
		List<RoundKey> keys = this.jdbc.sql("""
				select r.id, r.start_date, r.round_number from talks_round r
				%s
				order by r.round_number, r.id
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query(RoundKey.class)
			.list();
		return toPage(PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(BY_NUMBER_CURSOR, key.roundNumber(), key.id())));
	}

	private static SqlFilter filters(TalksRoundFilter filter) {
		return new SqlFilter().when(filter.negotiations(), "r.negotiation_id in (:negotiations)", "negotiations")
			.when(filter.parties(),
					"""
							exists (select 1 from talks_delegation d where d.talks_round_id = r.id and d.party_actor_id in (:parties))""",
					"parties")
			.when(filter.mediators(),
					"""
							exists (select 1 from talks_round_mediator m where m.talks_round_id = r.id and m.actor_id in (:mediators))""",
					"mediators")
			// a round overlaps [from, to] when it ends on or after from and starts on or
			// before to
			.when(filter.from(), "coalesce(r.end_date, r.start_date) >= :from", "from")
			.when(filter.to(), "r.start_date <= :to", "to")
			.when(filter.statuses().stream().map(Enum::name).toList(), "r.status in (:statuses)", "statuses")
			.when(filter.venueCountries(), "r.venue_country in (:venueCountries)", "venueCountries");
	}

	private record RoundKey(UUID id, LocalDate startDate, int roundNumber) {
	}

	private PageResponse<TalksRoundResponse> toPage(PageResponse<RoundKey> keys) {
		Map<UUID, TalksRoundResponse> rounds = loadAll(keys.items().stream().map(RoundKey::id).toList());
		return keys.map((key) -> rounds.get(key.id()));
	}

	/**
	 * Loads a page of rounds with a fixed number of statements: collections come batched.
	 */
	private Map<UUID, TalksRoundResponse> loadAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<TalksRound> loaded = this.rounds.findAllById(ids);
		Set<UUID> named = new HashSet<>();
		loaded.forEach((round) -> named.addAll(TalksRoundResponse.referencedIds(round)));
		Map<UUID, ActorRef> refs = this.directory.refs(named);
		Map<UUID, NegotiationRef> negotiationRefs = negotiationRefs(
				loaded.stream().map(TalksRound::getNegotiationId).collect(Collectors.toSet()));
		return loaded.stream()
			.collect(Collectors.toMap(TalksRound::getId,
					(round) -> TalksRoundResponse.of(round, negotiationRefs.get(round.getNegotiationId()), refs)));
	}

	private Map<UUID, NegotiationRef> negotiationRefs(Set<UUID> ids) {
		Map<UUID, NegotiationRef> refs = new HashMap<>();
		this.jdbc.sql("select id, name from negotiation where id in (:ids)")
			.param("ids", ids)
			.query(NegotiationRef.class)
			.list()
			.forEach((ref) -> refs.put(ref.id(), ref));
		return refs;
	}

	private TalksRound load(UUID id) {
		return this.rounds.findById(id).orElseThrow(() -> NotFoundException.of("talks round", id));
	}

	private TalksRound loadForWrite(UUID id) {
		return this.rounds.findForWriteById(id).orElseThrow(() -> NotFoundException.of("talks round", id));
	}

	private void update(TalksRound round, TalksRoundRequest request) {
		verifyReferences(request);
		if (!round.getNegotiationId().equals(request.negotiationId())) {
			// the round leaves one negotiation's count and joins another's
			lockNegotiations(Set.of(round.getNegotiationId(), request.negotiationId()));
		}
		requireNumberFree(request.negotiationId(), request.roundNumber(), round.getId());
		round.number(request.negotiationId(), request.roundNumber());
		round.schedule(request.startDate(), request.endDate(), request.datePrecision());
		round.moveTo(request.status(), request.outcome());
		describe(round, request);
		this.rounds.flush();
	}

	private void describe(TalksRound round, TalksRoundRequest request) {
		round.meetAt((request.venue() != null) ? Venue.of(request.venue().city(), request.venue().country()) : null);
		round.planAgenda(request.agendaItems());
		round.seat(request.delegations()
			.stream()
			.map((d) -> new TalksDelegation(d.partyId(), d.headId(), d.memberIds(), d.note()))
			.toList(), request.mediators().stream().map(MediatorRequest::toMediator).toList());
		round.cite(request.sourceIds());
	}

	private void verifyReferences(TalksRoundRequest request) {
		ReferenceChecker.Expectation expectation = this.references.expect()
			.exists(RecordTable.NEGOTIATION, "negotiationId", request.negotiationId());
		List<TalksRoundRequest.DelegationRequest> delegations = request.delegations();
		for (int i = 0; i < delegations.size(); i++) {
			TalksRoundRequest.DelegationRequest delegation = delegations.get(i);
			String field = "delegations[" + i + "]";
			expectation.exists(RecordTable.ACTOR, field + ".partyId", delegation.partyId())
				.exists(RecordTable.ACTOR, field + ".headId", delegation.headId())
				.allExist(RecordTable.ACTOR, field + ".memberIds", delegation.memberIds());
		}
		expectation.eachExists(RecordTable.ACTOR, "mediators", request.mediators(), "actorId", MediatorRequest::actorId)
			.allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds())
			.verify();
	}

	/**
	 * Locks the negotiations (in id order, so two writers cannot deadlock) and bumps
	 * their versions. One that vanished since the reference check is a broken reference
	 * like any other.
	 */
	private void lockNegotiations(Set<UUID> ids) {
		for (UUID id : new TreeSet<>(ids)) {
			if (this.negotiations.findForRoundChangeById(id).isEmpty()) {
				throw BrokenReferenceException
					.forFields(List.of(new FieldError("negotiationId", "no negotiation with id " + id)));
			}
		}
	}

	/**
	 * Rule: a round number is unique within its negotiation (409 naming
	 * {@code roundNumber}).
	 */
	private void requireNumberFree(UUID negotiationId, int roundNumber, UUID self) {
		this.jdbc.sql("""
				select id from talks_round
				where negotiation_id = :negotiation and round_number = :number and id <> :self""")
			.param("negotiation", negotiationId)
			.param("number", roundNumber)
			.param("self", self)
			.query(UUID.class)
			.optional()
			.ifPresent((other) -> {
				throw ConflictException.duplicate("roundNumber",
						"round " + roundNumber + " of this negotiation already exists (id " + other + ")");
			});
	}

	private TalksRoundResponse toResponse(TalksRound round) {
		Map<UUID, NegotiationRef> negotiation = negotiationRefs(Set.of(round.getNegotiationId()));
		return TalksRoundResponse.of(round, negotiation.get(round.getNegotiationId()),
				this.directory.refs(TalksRoundResponse.referencedIds(round)));
	}

}
