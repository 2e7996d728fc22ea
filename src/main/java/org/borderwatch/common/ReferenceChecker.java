package org.borderwatch.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Guards the references between records, in both directions.
 * <ul>
 * <li>Before a write: every id a request names must exist, or the request fails with 422
 * naming each broken field ({@code actors[2].actorId}).</li>
 * <li>Before a delete: a record others still refer to cannot go; the 409 says which
 * records refer to it. The referring tables are read from the database's own foreign
 * keys, so a new feature's references are covered without touching this class.</li>
 * </ul>
 * The foreign keys remain the final guard against races between the check and the commit.
 */
@Component
public class ReferenceChecker {

	private final JdbcClient jdbc;

	private final Map<String, List<ForeignKey>> referrers = new ConcurrentHashMap<>();

	ReferenceChecker(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a check of the ids a request names. */
	public Expectation expect() {
		return new Expectation();
	}

	/** Fails with 409 when any row still refers to {@code id} in {@code table}. */
	public void requireUnreferenced(RecordTable table, String resource, UUID id) {
		List<String> uses = new ArrayList<>();
		for (ForeignKey key : referrersOf(table.tableName())) {
			long count = this.jdbc.sql("select count(*) from " + key.table() + " where " + key.column() + " = :id")
				.param("id", id)
				.query(Long.class)
				.single();
			if (count > 0) {
				uses.add(count + " " + key.describe());
			}
		}
		if (!uses.isEmpty()) {
			throw ConflictException.because("This " + resource + " is still referenced (" + String.join(", ", uses)
					+ "); remove those references first");
		}
	}

	private List<ForeignKey> referrersOf(String table) {
		return this.referrers.computeIfAbsent(table,
				(name) -> this.jdbc.sql("""
						select src.relname as table_name, att.attname as column_name
						from pg_constraint con
						join pg_class src on src.oid = con.conrelid
						join pg_class dst on dst.oid = con.confrelid
						join pg_namespace ns on ns.oid = dst.relnamespace
						join pg_attribute att on att.attrelid = con.conrelid and att.attnum = con.conkey[1]
						where con.contype = 'f' and dst.relname = :table and ns.nspname = current_schema()
						  and con.confdeltype in ('a', 'r')
						order by src.relname, att.attname
						""")
					.param("table", name)
					.query((rs, row) -> new ForeignKey(rs.getString("table_name"), rs.getString("column_name")))
					.list());
	}

	private record ForeignKey(String table, String column) {

		String describe() {
			return this.table.replace('_', ' ') + " (" + this.column + ")";
		}

	}

	/** The ids a request names, grouped by the table they must exist in. */
	public final class Expectation {

		private final Map<RecordTable, Map<String, UUID>> byTable = new LinkedHashMap<>();

		private Expectation() {
		}

		public Expectation exists(RecordTable table, String field, UUID id) {
			if (id != null) {
				this.byTable.computeIfAbsent(table, (t) -> new LinkedHashMap<>()).put(field, id);
			}
			return this;
		}

		/** Each id of {@code ids} must exist; its field is {@code field[index]}. */
		public Expectation allExist(RecordTable table, String field, Collection<UUID> ids) {
			if (ids != null) {
				int index = 0;
				for (UUID id : ids) {
					exists(table, field + "[" + index++ + "]", id);
				}
			}
			return this;
		}

		/**
		 * Each item's id must exist; its field is {@code listField[index].itemField}.
		 * Items without an id (optional references) are skipped.
		 */
		public <T> Expectation eachExists(RecordTable table, String listField, List<T> items, String itemField,
				java.util.function.Function<T, UUID> id) {
			for (int i = 0; i < items.size(); i++) {
				exists(table, listField + "[" + i + "]." + itemField, id.apply(items.get(i)));
			}
			return this;
		}

		/** Runs one query per table and fails with 422 listing every missing id. */
		public void verify() {
			List<FieldError> errors = new ArrayList<>();
			this.byTable.forEach((table, fields) -> {
				Set<UUID> found = new HashSet<>(
						ReferenceChecker.this.jdbc.sql("select id from " + table.tableName() + " where id in (:ids)")
							.param("ids", new HashSet<>(fields.values()))
							.query(UUID.class)
							.list());
				fields.forEach((field, id) -> {
					if (!found.contains(id)) {
						errors.add(new FieldError(field, "no " + table.resource() + " with id " + id));
					}
				});
			});
			if (!errors.isEmpty()) {
				throw BrokenReferenceException.forFields(errors);
			}
		}

	}

}
