package org.borderwatch.history;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Completes the history entries of the current transaction: each gets the record as the
 * API serves it after the change and the JSON merge patch from the previous entry's
 * record. Runs just before every read-write transaction of the service commits.
 * <p>
 * Bulk writers are left alone: a transaction with more than
 * {@code borderwatch.history.render-limit} pending entries (default 1,000), or one that
 * set {@code bw.render} to {@code off} ({@code set_config('bw.render', 'off', true)}),
 * keeps its entries without a rendered record, since rendering a million imported records
 * one by one would cost far more than importing them. Their history still says who, when,
 * why and which version; the record itself is one GET away.
 */
@Service
public class HistoryRecords {

	/**
	 * The merge patch from an entry's previous recorded state to its record (%s: a SQL
	 * expression of the record's JSON text), in an update of {@code record_change c}.
	 */
	private static final String PATCH_FROM_PREVIOUS = """
			record_change_merge_patch(
			    (select p.record::jsonb from record_change p
			     where p.collection = c.collection and p.record_id = c.record_id
			       and p.seq < c.seq and p.record is not null
			     order by p.seq desc limit 1),
			    cast(%s as jsonb))""";

	/**
	 * Attributes the entries of the transaction to the caller, completes the entries of
	 * the served records, and lists every pending entry. The attribution applies only
	 * when nothing in the transaction set {@code bw.actor} itself (an importer does): the
	 * triggers then wrote every entry with the database role, as they do for any write
	 * without the settings. No row is updated twice in the statement: the completed
	 * entries take the attribution in the same update.
	 */
	private static final String COMPLETE_SERVED_AND_LIST_PENDING = """
			with attribution as (
			  select coalesce(nullif(cast(:actor as text), ''), 'sql:' || session_user) as actor,
			         nullif(cast(:role as text), '') as role, nullif(cast(:reason as text), '') as reason,
			         cast(:attribute as boolean) and coalesce(current_setting('bw.actor', true), '') = '' as applies
			), pending as (
			  select c.seq, c.collection, c.record_id, c.parent_id, c.version
			  from record_change c
			  where c.txid = pg_current_xact_id_if_assigned() and c.record is null and c.action <> 'DELETED'
			    and coalesce(current_setting('bw.render', true), '') <> 'off'
			    and not exists (select 1 from record_change l
			                    where l.txid = c.txid and l.collection = c.collection
			                      and l.record_id = c.record_id and l.seq > c.seq)
			  order by c.seq
			  limit :limit
			), completed as (
			  update record_change c
			  set record = cast(s.record as json), patch = %s,
			      actor = case when t.applies then t.actor else c.actor end,
			      role = case when t.applies then t.role else c.role end,
			      reason = case when t.applies then t.reason else c.reason end
			  from pending q
			  join unnest(cast(:collections as text[]), cast(:ids as uuid[]), cast(:versions as bigint[]),
			              cast(:records as text[])) as s(collection, record_id, version, record)
			    on s.collection = q.collection and s.record_id = q.record_id and s.version = q.version
			  cross join attribution t
			  where c.seq = q.seq and (select count(*) from pending) <= :renderLimit
			  returning c.seq
			), attributed as (
			  update record_change c
			  set actor = t.actor, role = t.role, reason = t.reason
			  from attribution t
			  where t.applies and c.txid = pg_current_xact_id_if_assigned()
			    and not exists (select 1 from completed d where d.seq = c.seq)
			)
			select q.seq, q.collection, q.record_id, q.parent_id, q.version,
			       exists (select 1 from completed d where d.seq = q.seq) as completed
			from pending q
			order by q.seq""".formatted(PATCH_FROM_PREVIOUS.formatted("s.record"));

	/** Completes one entry with its record. */
	private static final String COMPLETE_ONE = """
			update record_change c
			set record = cast(:record as json), patch = %s
			where c.seq = :seq""".formatted(PATCH_FROM_PREVIOUS.formatted(":record"));

	private final JdbcClient jdbc;

	private final RecordRenderers renderers;

	private final int renderLimit;

	HistoryRecords(JdbcClient jdbc, RecordRenderers renderers,
			@Value("${borderwatch.history.render-limit:1000}") int renderLimit) {
		this.jdbc = jdbc;
		this.renderers = renderers;
		this.renderLimit = renderLimit;
	}

	/**
	 * Renders the records of this transaction's entries that have none yet. Where a
	 * record changed more than once in the transaction, only its last entry gets the
	 * record: the intermediate states are gone by now, and an entry never shows a state
	 * other than its own.
	 * <p>
	 * The records the transaction's services answered with are rendered first, and one
	 * statement both completes their entries and lists the entries still pending: a write
	 * request that answers with the record it changed (all of them) sends one statement
	 * for its history, not a query and then an update per entry. The others are read and
	 * rendered one by one.
	 * <p>
	 * The same statement attributes the transaction's entries to {@code author} with
	 * {@code reason}, unless something in the transaction attributed its changes itself
	 * ({@link ChangeAttribution}): attributing here rather than with a statement of its
	 * own at the start of the transaction saves every write request a round trip.
	 * @param author who made the changes, null to leave the entries as the triggers wrote
	 * them
	 * @param reason why, may be null
	 * @return the number of entries completed
	 */
	public int renderPending(ChangeAuthor author, String reason) {
		List<RecordRenderers.Rendered> served = this.renderers.renderServed(this.renderLimit);
		List<Pending> pending = this.jdbc.sql(COMPLETE_SERVED_AND_LIST_PENDING)
			.param("actor", (author != null) ? author.name() : null)
			.param("role", (author != null) ? author.role() : null)
			.param("reason", reason)
			.param("attribute", author != null)
			.param("limit", this.renderLimit + 1)
			.param("renderLimit", this.renderLimit)
			.param("collections", served.stream().map(RecordRenderers.Rendered::collection).toArray(String[]::new))
			.param("ids", served.stream().map((record) -> record.id().toString()).toArray(String[]::new))
			.param("versions", served.stream().map((record) -> Long.toString(record.version())).toArray(String[]::new))
			.param("records", served.stream().map(RecordRenderers.Rendered::json).toArray(String[]::new))
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class), rs.getLong(5), rs.getBoolean(6)))
			.list();
		if (pending.size() > this.renderLimit) {
			return 0;
		}
		int rendered = 0;
		for (Pending entry : pending) {
			if (entry.completed()) {
				rendered++;
				continue;
			}
			Optional<String> record = this.renderers.render(entry.collection(), entry.parentId(), entry.recordId(),
					entry.version());
			if (record.isPresent()) {
				this.jdbc.sql(COMPLETE_ONE).param("record", record.get()).param("seq", entry.seq()).update();
				rendered++;
			}
		}
		return rendered;
	}

	private record Pending(long seq, String collection, UUID recordId, UUID parentId, long version, boolean completed) {
	}

}
