package org.borderwatch.ceasefire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.CursorCodec;
import org.borderwatch.common.ConflictException;
import org.borderwatch.common.Cursor;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;
import org.borderwatch.common.RecordTable;
import org.borderwatch.common.ReferenceChecker;
import org.borderwatch.common.SqlFilter;

/**
 * Records, lists and removes the incidents alleged to violate a ceasefire.
 * <p>
 * Every write locks the ceasefire's row first and moves its version on. Writers on the
 * same ceasefire therefore run one after the other: the check for a duplicate incident
 * cannot race with another insert, and a ceasefire cannot be deleted or replaced from
 * under a violation being recorded. The version moves because the ceasefire shows its
 * {@code violationCount}: its ETag must change when that does, and a client that read it
 * before must not overwrite it blindly.
 */
@Service
@Transactional
public class CeasefireViolationService {

	private static final String VIOLATION_COLUMNS = """
			select v.id, v.incident_id, i.title as incident_title, v.alleged_by_actor_id, v.note, v.created_at
			from ceasefire_violation v join incident i on i.id = v.incident_id""";

	private final CeasefireRepository ceasefires;

	private final CeasefireViolationRepository violations;

	private final ActorDirectory directory;

	private final ReferenceChecker references;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	CeasefireViolationService(CeasefireRepository ceasefires, CeasefireViolationRepository violations,
			ActorDirectory directory, ReferenceChecker references, JdbcClient jdbc, CursorCodec cursors) {
		this.cursors = cursors;
		this.ceasefires = ceasefires;
		this.violations = violations;
		this.directory = directory;
		this.references = references;
		this.jdbc = jdbc;
	}

	/**
	 * Records that an incident is alleged to break the ceasefire; an incident counts once
	 * per ceasefire (409).
	 */
	public ViolationResponse add(UUID ceasefireId, ViolationRequest request) {
		lockCeasefire(ceasefireId);
		this.references.expect()
			.exists(RecordTable.INCIDENT, "incidentId", request.incidentId())
			.exists(RecordTable.ACTOR, "allegedById", request.allegedById())
			.verify();
		if (this.violations.existsByCeasefireIdAndIncidentId(ceasefireId, request.incidentId())) {
			throw ConflictException.duplicate("incidentId",
					"incident " + request.incidentId() + " is already recorded as a violation of this ceasefire");
		}
		CeasefireViolation violation = new CeasefireViolation(ceasefireId, request.incidentId(), request.allegedById(),
				request.note());
		this.violations.saveAndFlush(violation);
		return get(ceasefireId, violation.getId());
	}

	@Transactional(readOnly = true)
	public ViolationResponse get(UUID ceasefireId, UUID violationId) {
		List<ViolationRow> rows = this.jdbc.sql(VIOLATION_COLUMNS + """

				where v.id = :id and v.ceasefire_id = :ceasefireId""")
			.param("id", violationId)
			.param("ceasefireId", ceasefireId)
			.query(ViolationRow.MAPPER)
			.list();
		if (rows.isEmpty()) {
			throw NotFoundException.of("violation of ceasefire " + ceasefireId, violationId);
		}
		return toResponses(rows).get(0);
	}

	/** One page in the order the violations were recorded (oldest first), then id. */
	@Transactional(readOnly = true)
	public PageResponse<ViolationResponse> list(UUID ceasefireId, int limit, String cursor) {
		if (!this.ceasefires.existsById(ceasefireId)) {
			throw NotFoundException.of("ceasefire", ceasefireId);
		}
		SqlFilter where = new SqlFilter().when(ceasefireId, "v.ceasefire_id = :ceasefireId", "ceasefireId");
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(v.created_at, v.id) > (:afterAt, :afterId)",
					Map.of("afterAt", OffsetDateTime.ofInstant(Instant.parse(after.value(0)), ZoneOffset.UTC),
							"afterId", UUID.fromString(after.value(1))));
		}
		List<ViolationRow> rows = this.jdbc.sql(VIOLATION_COLUMNS + """

				%s
				order by v.created_at, v.id
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("limit", limit + 1)
			.query(ViolationRow.MAPPER)
			.list();
		PageResponse<ViolationRow> page = PageResponse.fromLookahead(rows, limit, this.cursors,
				(row) -> Cursor.of(row.createdAt(), row.id()));
		return new PageResponse<>(toResponses(page.items()), page.nextCursor());
	}

	public void remove(UUID ceasefireId, UUID violationId) {
		lockCeasefire(ceasefireId);
		CeasefireViolation violation = this.violations.findByIdAndCeasefireId(violationId, ceasefireId)
			.orElseThrow(() -> NotFoundException.of("violation of ceasefire " + ceasefireId, violationId));
		this.violations.delete(violation);
		this.violations.flush();
	}

	private void lockCeasefire(UUID ceasefireId) {
		this.ceasefires.findLockedById(ceasefireId).orElseThrow(() -> NotFoundException.of("ceasefire", ceasefireId));
	}

	private List<ViolationResponse> toResponses(List<ViolationRow> rows) {
		Map<UUID, ActorRef> refs = this.directory.refs(rows.stream().map(ViolationRow::allegedById).toList());
		return rows.stream()
			.map((row) -> new ViolationResponse(row.id(), row.incidentId(), row.incidentTitle(),
					ActorDirectory.ref(refs, row.allegedById()), row.note(), row.createdAt()))
			.toList();
	}

	private record ViolationRow(UUID id, UUID incidentId, String incidentTitle, UUID allegedById, String note,
			Instant createdAt) {

		static final org.springframework.jdbc.core.RowMapper<ViolationRow> MAPPER = (rs, row) -> new ViolationRow(
				rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class), rs.getString("incident_title"),
				rs.getObject("alleged_by_actor_id", UUID.class), rs.getString("note"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());

	}

}
