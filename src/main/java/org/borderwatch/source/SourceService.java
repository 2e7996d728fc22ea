package org.borderwatch.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

/** Writes and reads sources, one transaction per call. */
@Service
@Transactional
public class SourceService {

	/** Sorts undated sources after every dated one in the newest-first list. */
	private static final LocalDate UNDATED = LocalDate.of(1, 1, 1);

	private final SourceRepository sources;

	private final ReferenceChecker references;

	private final MergePatcher patcher;

	private final JdbcClient jdbc;

	private final CursorCodec cursors;

	SourceService(SourceRepository sources, ReferenceChecker references, MergePatcher patcher, JdbcClient jdbc,
			CursorCodec cursors) {
		this.cursors = cursors;
		this.sources = sources;
		this.references = references;
		this.patcher = patcher;
		this.jdbc = jdbc;
	}

	public SourceResponse create(SourceRequest request) {
		Source source = new Source(request.publisher(), request.title(), request.kind());
		apply(source, request);
		this.sources.saveAndFlush(source);
		return SourceResponse.of(source);
	}

	@Transactional(readOnly = true)
	public SourceResponse get(UUID id) {
		return SourceResponse.of(load(id));
	}

	public SourceResponse replace(UUID id, SourceRequest request, String ifMatch) {
		Source source = load(id);
		ETags.requireMatch(ifMatch, source.getVersion());
		apply(source, request);
		this.sources.flush();
		return SourceResponse.of(source);
	}

	public SourceResponse patch(UUID id, JsonNode patch, String ifMatch) {
		Source source = load(id);
		ETags.requireMatch(ifMatch, source.getVersion());
		apply(source, this.patcher.apply(SourceRequest.from(source), patch, SourceRequest.class));
		this.sources.flush();
		return SourceResponse.of(source);
	}

	public void delete(UUID id, String ifMatch) {
		Source source = load(id);
		ETags.requireMatch(ifMatch, source.getVersion());
		this.references.requireUnreferenced(RecordTable.SOURCE, "source", id);
		this.sources.delete(source);
		this.sources.flush();
	}

	/** One page, newest publication first (undated last), then id. */
	@Transactional(readOnly = true)
	public PageResponse<SourceResponse> list(SourceFilter filter, int limit, String cursor) {
		SqlFilter where = new SqlFilter()
			.when(filter.publishers().stream().map((p) -> p.strip().toLowerCase(Locale.ROOT)).toList(),
					"lower(s.publisher) in (:publishers)", "publishers")
			.when(filter.kinds().stream().map(Enum::name).toList(), "s.kind in (:kinds)", "kinds")
			.when(filter.from(), "s.published_on >= :from", "from")
			.when(filter.to(), "s.published_on <= :to", "to");
		if (cursor != null) {
			Cursor after = this.cursors.decode(cursor, 2);
			where.and("(coalesce(s.published_on, :undated), s.id) < (:afterDate, :afterId)", Map.of("undated", UNDATED,
					"afterDate", LocalDate.parse(after.value(0)), "afterId", UUID.fromString(after.value(1))));
		}
		List<SourceKey> keys = this.jdbc.sql("""
				select s.id, coalesce(s.published_on, :undated) as sort_date from source s
				%s
				order by coalesce(s.published_on, :undated) desc, s.id desc
				limit :limit""".formatted(where.where()))
			.params(where.params())
			.param("undated", UNDATED)
			.param("limit", limit + 1)
			.query((rs, row) -> new SourceKey(rs.getObject("id", UUID.class),
					rs.getObject("sort_date", LocalDate.class)))
			.list();
		PageResponse<SourceKey> page = PageResponse.fromLookahead(keys, limit, this.cursors,
				(key) -> Cursor.of(key.sortDate(), key.id()));
		Map<UUID, Source> loaded = this.sources.findAllById(page.items().stream().map(SourceKey::id).toList())
			.stream()
			.collect(Collectors.toMap(Source::getId, Function.identity()));
		return page.map((key) -> SourceResponse.of(loaded.get(key.id())));
	}

	/**
	 * The id of the source with this URL, if any; lets importers and the demo loader stay
	 * idempotent.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<UUID> idByUrl(String url) {
		return this.sources.findByUrl(url).map(Source::getId);
	}

	private record SourceKey(UUID id, LocalDate sortDate) {
	}

	private Source load(UUID id) {
		return this.sources.findById(id).orElseThrow(() -> NotFoundException.of("source", id));
	}

	private void apply(Source source, SourceRequest request) {
		if (request.url() != null && !request.url().isBlank()) {
			this.sources.findByUrl(request.url().strip())
				.filter((other) -> !other.getId().equals(source.getId()))
				.ifPresent((other) -> {
					throw ConflictException.duplicate("url", "a source with this url already exists: " + other.getId());
				});
		}
		source.describe(request.publisher(), request.title(), request.kind(), request.url(), request.publishedOn(),
				request.language());
	}

}
