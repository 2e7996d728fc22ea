package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
 * Writes and reads border crossings, each shown with the status its history gives it.
 * Each public method is one transaction, so a request that fails half way leaves nothing
 * behind.
 */
@Service
@Transactional
public class CrossingService {

	private static final String RESOURCE = "border crossing";

	private final BorderCrossingRepository crossings;

	private final CrossingStatuses statuses;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	CrossingService(BorderCrossingRepository crossings, CrossingStatuses statuses, ReferenceChecker references,
			MergePatcher patcher, JdbcClient jdbc, CursorCodec cursors) {
		this.cursors = cursors;
		this.crossings = crossings;
		this.statuses = statuses;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public CrossingResponse create(CrossingRequest request) {
		BorderCrossing crossing = new BorderCrossing(request.name(), request.countryA(), request.countryB(),
				request.kind());
		apply(crossing, request);
		// The stored instance: it carries the timestamps set on insert.
		BorderCrossing saved = this.crossings.saveAndFlush(crossing);
		// A crossing that was just created has no history yet.
		return CrossingResponse.of(saved, null);
	}

	/** The crossing with its status now. */
	@Transactional(readOnly = true)
	public Found get(UUID id) {
		BorderCrossing crossing = load(id);
		CrossingStatuses.Snapshot now = this.statuses.snapshot(id, Instant.now()).orElseThrow(() -> notFound(id));
		return new Found(CrossingResponse.of(crossing, now.status()), now.changesLater());
	}

	/**
	 * A crossing as read now. {@code statusChangesWithTime} is true when its history
	 * already holds a change after now: its status will then change without a new
	 * version, so its ETag cannot promise that a cached copy is still current.
	 */
	public record Found(CrossingResponse crossing, boolean statusChangesWithTime) {
	}

	/**
	 * The status of a crossing at {@code at}: UNKNOWN before the first change of its
	 * history.
	 */
	@Transactional(readOnly = true)
	public StatusAtResponse statusAt(UUID id, Instant at) {
		CrossingStatuses.Snapshot snapshot = this.statuses.snapshot(id, at).orElseThrow(() -> notFound(id));
		return StatusAtResponse.of(id, at, snapshot.status());
	}

	public CrossingResponse replace(UUID id, CrossingRequest request, String ifMatch) {
		BorderCrossing crossing = load(id);
		ETags.requireMatch(ifMatch, crossing.getVersion());
		apply(crossing, request);
		return flushed(crossing);
	}

	public CrossingResponse patch(UUID id, JsonNode patch, String ifMatch) {
		BorderCrossing crossing = load(id);
		ETags.requireMatch(ifMatch, crossing.getVersion());
		apply(crossing, this.patcher.apply(CrossingRequest.from(crossing), patch, CrossingRequest.class));
		return flushed(crossing);
	}

	/**
	 * Deletes the crossing with its status history (the database cascades to it), unless
	 * another record still refers to the crossing.
	 */
	public void delete(UUID id, String ifMatch) {
		BorderCrossing crossing = load(id);
		ETags.requireMatch(ifMatch, crossing.getVersion());
		this.references.requireUnreferenced(RecordTable.CROSSING, RESOURCE, id);
		this.crossings.delete(crossing);
		this.crossings.flush();
	}

	/**
	 * One page in name order (case-insensitive), then id, each crossing with its status
	 * at {@code filter.asOf()}. Without asOf, every page of one walk shows the moment the
	 * first page was read (the cursor carries it), so a crossing cannot change status
	 * between two pages.
	 */
	@Transactional(readOnly = true)
	public PageResponse<CrossingResponse> list(CrossingFilter filter, int limit, String cursor) {
		Cursor after = (cursor != null) ? this.cursors.decode(cursor, 3) : null;
		Instant at = (filter.asOf() != null) ? filter.asOf()
				: (after != null) ? Instant.parse(after.value(2)) : Instant.now();
		SqlFilter where = new SqlFilter()
			.when(filter.countries(), "(b.country_a in (:countries) or b.country_b in (:countries))", "countries")
			.when(filter.kinds().stream().map(Enum::name).toList(), "b.kind in (:kinds)", "kinds")
			.when(filter.statuses(), "coalesce(cur.status, '" + StatusAtResponse.UNKNOWN + "') in (:statuses)",
					"statuses")
			.when(filter.allows().stream().map(Enum::name).toList(),
					"cur.allowed_traffic && cast(array[:allows] as text[])", "allows")
			.when((filter.q() != null) ? SqlFilter.likePattern(filter.q().strip()) : null,
					"""
							(lower(b.name) like :q or exists (select 1 from unnest(b.alternate_names) alt where lower(alt) like :q))""",
					"q");
		if (after != null) {
			where.and("(lower(b.name), b.id) > (:afterName, :afterId)",
					Map.of("afterName", after.value(0), "afterId", UUID.fromString(after.value(1))));
		}
		// The status comes from the same statement as the filter on it, so they see the
		// same history.
		List<CrossingRow> rows = this.jdbc
			.sql("""
					select b.id, lower(b.name) as sort_name, %s
					from border_crossing b
					%s
					%s
					order by lower(b.name), b.id
					limit :limit""".formatted(CrossingStatuses.STATUS_COLUMNS, CrossingStatuses.STATUS_AT_JOIN,
					where.where()))
			.params(where.params())
			.param("at", CrossingStatuses.sqlInstant(at))
			.param("limit", limit + 1)
			.query((rs, row) -> new CrossingRow(rs.getObject("id", UUID.class), rs.getString("sort_name"),
					CrossingStatuses.read(rs)))
			.list();
		PageResponse<CrossingRow> page = PageResponse.fromLookahead(rows, limit, this.cursors,
				(row) -> Cursor.of(row.sortName(), row.id(), at));
		Map<UUID, BorderCrossing> loaded = this.crossings
			.findAllById(page.items().stream().map(CrossingRow::id).toList())
			.stream()
			.collect(Collectors.toMap(BorderCrossing::getId, Function.identity()));
		return page.map((row) -> CrossingResponse.of(loaded.get(row.id()), row.status()));
	}

	private record CrossingRow(UUID id, String sortName, CurrentStatus status) {
	}

	private CrossingResponse flushed(BorderCrossing crossing) {
		this.crossings.flush();
		CurrentStatus now = this.statuses.at(List.of(crossing.getId()), Instant.now()).get(crossing.getId());
		return CrossingResponse.of(crossing, now);
	}

	private BorderCrossing load(UUID id) {
		return this.crossings.findById(id).orElseThrow(() -> notFound(id));
	}

	private static NotFoundException notFound(UUID id) {
		return NotFoundException.of(RESOURCE, id);
	}

	private void apply(BorderCrossing crossing, CrossingRequest request) {
		requireNameFree(request.name(), crossing.getId());
		this.references.expect().allExist(RecordTable.SOURCE, "sourceIds", request.sourceIds()).verify();
		crossing.rename(request.name());
		crossing.connect(request.countryA(), request.countryB());
		crossing.locate(request.latitude(), request.longitude());
		crossing.describe(request.kind(), request.description(), request.alternateNames());
		crossing.cite(request.sourceIds());
	}

	private void requireNameFree(String name, UUID self) {
		this.crossings.findByNameIgnoreCase(name.strip())
			.filter((other) -> !other.getId().equals(self))
			.ifPresent((other) -> {
				throw ConflictException.duplicate("name",
						"a border crossing named '" + other.getName() + "' already exists");
			});
	}

}
