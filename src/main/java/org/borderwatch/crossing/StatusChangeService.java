package org.borderwatch.crossing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * Writes and reads the status history of border crossings. Every write locks the
 * crossing's row and raises its version (see
 * {@link BorderCrossingRepository#lockForHistoryChange}), so writers of one history queue
 * up and the crossing's ETag follows its status. Each public method is one transaction.
 */
@Service
@Transactional
public class StatusChangeService {

	private static final String CROSSING = "border crossing";

	private static final String CHANGE = "status change";

	private final BorderCrossingRepository crossings;

	private final CrossingStatusChangeRepository changes;

	private final ActorDirectory directory;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	StatusChangeService(BorderCrossingRepository crossings, CrossingStatusChangeRepository changes,
			ActorDirectory directory, ReferenceChecker references, MergePatcher patcher, JdbcClient jdbc,
			CursorCodec cursors) {
		this.cursors = cursors;
		this.crossings = crossings;
		this.changes = changes;
		this.directory = directory;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public StatusChangeResponse create(UUID crossingId, StatusChangeRequest request) {
		lockHistory(crossingId);
		verifyReferences(request);
		CrossingStatusChange change = new CrossingStatusChange(crossingId, request.effectiveFrom(),
				request.datePrecision(), request.status(), request.allowedTraffic());
		change.explain(request.decidedById(), request.reason(), request.causeIncidentId());
		change.cite(request.sourceIds());
		requireInstantFree(crossingId, request.effectiveFrom(), change.getId());
		// The stored instance: it carries the timestamps set on insert.
		CrossingStatusChange saved = this.changes.saveAndFlush(change);
		return toResponse(saved);
	}

	@Transactional(readOnly = true)
	public StatusChangeResponse get(UUID crossingId, UUID changeId) {
		return toResponse(load(crossingId, changeId));
	}

	public StatusChangeResponse replace(UUID crossingId, UUID changeId, StatusChangeRequest request, String ifMatch) {
		lockHistory(crossingId);
		CrossingStatusChange change = load(crossingId, changeId);
		ETags.requireMatch(ifMatch, change.getVersion());
		apply(change, request);
		return flushed(change);
	}

	public StatusChangeResponse patch(UUID crossingId, UUID changeId, JsonNode patch, String ifMatch) {
		lockHistory(crossingId);
		CrossingStatusChange change = load(crossingId, changeId);
		ETags.requireMatch(ifMatch, change.getVersion());
		apply(change, this.patcher.apply(StatusChangeRequest.from(change), patch, StatusChangeRequest.class));
		return flushed(change);
	}

	public void delete(UUID crossingId, UUID changeId, String ifMatch) {
		lockHistory(crossingId);
		CrossingStatusChange change = load(crossingId, changeId);
		ETags.requireMatch(ifMatch, change.getVersion());
		this.changes.delete(change);
		this.changes.flush();
	}

	/** One page of a crossing's history, oldest change first (effectiveFrom, then id). */
	@Transactional(readOnly = true)
	public PageResponse<StatusChangeResponse> list(UUID crossingId, int limit, String cursor) {
		if (!this.crossings.existsById(crossingId)) {
			throw NotFoundException.of(CROSSING, crossingId);
		}
		String afterClause = "";
		Map<String, Object> afterParams = Map.of();
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			afterClause = "and (s.effective_from, s.id) > (:afterFrom, :afterId)";
			afterParams = Map.of("afterFrom", CrossingStatuses.sqlInstant(Instant.parse(after.value(0))), "afterId",
					UUID.fromString(after.value(1)));
		}
		List<ChangeKey> keys = this.jdbc.sql("""
				select s.id, s.effective_from from crossing_status_change s
				where s.crossing_id = :crossingId %s
				order by s.effective_from, s.id
				limit :limit""".formatted(afterClause))
			.param("crossingId", crossingId)
			.params(afterParams)
			.param("limit", limit + 1)
			.query((rs, row) -> new ChangeKey(rs.getObject("id", UUID.class),
					rs.getObject("effective_from", OffsetDateTime.class).toInstant()))
			.list();
		PageResponse<ChangeKey> page = PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(key.effectiveFrom(), key.id()));
		List<CrossingStatusChange> loaded = this.changes.findAllById(page.items().stream().map(ChangeKey::id).toList());
		Map<UUID, ActorRef> refs = this.directory
			.refs(loaded.stream().map(CrossingStatusChange::getDecidedById).filter(Objects::nonNull).toList());
		Map<UUID, StatusChangeResponse> responses = loaded.stream()
			.collect(Collectors.toMap(CrossingStatusChange::getId, (change) -> StatusChangeResponse.of(change, refs)));
		return page.map((key) -> responses.get(key.id()));
	}

	private record ChangeKey(UUID id, Instant effectiveFrom) {
	}

	private void lockHistory(UUID crossingId) {
		if (this.crossings.lockForHistoryChange(crossingId) == 0) {
			throw NotFoundException.of(CROSSING, crossingId);
		}
	}

	/**
	 * The change, if it belongs to the crossing: a change of another crossing is not
	 * found here.
	 */
	private CrossingStatusChange load(UUID crossingId, UUID changeId) {
		return this.changes.findByIdAndCrossingId(changeId, crossingId).orElseThrow(() -> {
			if (!this.crossings.existsById(crossingId)) {
				return NotFoundException.of(CROSSING, crossingId);
			}
			return NotFoundException.of(CHANGE + " of border crossing " + crossingId + " with id", changeId.toString());
		});
	}

	private void apply(CrossingStatusChange change, StatusChangeRequest request) {
		verifyReferences(request);
		// Checked before the entity changes: the query would otherwise flush the clash
		// into the table first.
		requireInstantFree(change.getCrossingId(), request.effectiveFrom(), change.getId());
		change.reschedule(request.effectiveFrom(), request.datePrecision());
		change.declare(request.status(), request.allowedTraffic());
		change.explain(request.decidedById(), request.reason(), request.causeIncidentId());
		change.cite(request.sourceIds());
	}

	private void verifyReferences(StatusChangeRequest request) {
		this.references.expect()
			.exists(RecordTable.ACTOR, "decidedById", request.decidedById())
			.exists(RecordTable.INCIDENT, "causeIncidentId", request.causeIncidentId())
			.allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds())
			.verify();
	}

	/**
	 * Two changes of one crossing cannot take effect at the same instant: which would be
	 * in force?
	 */
	private void requireInstantFree(UUID crossingId, Instant effectiveFrom, UUID self) {
		this.changes.findByCrossingIdAndEffectiveFrom(crossingId, CrossingStatusChange.storedInstant(effectiveFrom))
			.filter((other) -> !other.getId().equals(self))
			.ifPresent((other) -> {
				throw ConflictException.duplicate("effectiveFrom", "this crossing already has a status change at "
						+ other.getEffectiveFrom() + " (" + other.getId() + ")");
			});
	}

	private StatusChangeResponse flushed(CrossingStatusChange change) {
		this.changes.flush();
		return toResponse(change);
	}

	private StatusChangeResponse toResponse(CrossingStatusChange change) {
		Set<UUID> actors = new HashSet<>();
		actors.add(change.getDecidedById());
		return StatusChangeResponse.of(change, this.directory.refs(actors));
	}

}
