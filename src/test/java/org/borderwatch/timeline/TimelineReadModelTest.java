package org.borderwatch.timeline;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.TimelineFixtures;
import org.borderwatch.support.TimelineScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's read model, kept by triggers write by write, equals the one its single
 * writer rebuilds from the source tables in one pass: compared over the whole database
 * (rows other tests wrote too), after updates of every kind.
 */
class TimelineReadModelTest extends IntegrationTest {

	private static final String DIFFERENCES = """
			select 'kept but not rebuilt: ' || d::text from (select * from kept_entries except select * from timeline_entry) d
			union all
			select 'rebuilt but not kept: ' || d::text from (select * from timeline_entry except select * from kept_entries) d
			union all
			select 'facet kept but not rebuilt: ' || d::text from (select * from kept_facets except select * from timeline_facet) d
			union all
			select 'facet rebuilt but not kept: ' || d::text from (select * from timeline_facet except select * from kept_facets) d""";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void entriesKeptByTheTriggersEqualThoseRebuiltFromTheSourceTables() {
		TimelineScenario s = new TimelineScenario(
				new TimelineFixtures(this.jdbc, UUID.randomUUID().toString().substring(0, 8)));
		this.jdbc.sql("update actor set name = name || ' (renamed)' where id = :id").param("id", s.taliban).update();
		this.jdbc.sql("update incident set fatalities = null, wounded = 3 where id = :id")
			.param("id", s.bannu)
			.update();
		this.jdbc.sql("update incident set other_countries = '{IRN}' where id = :id").param("id", s.kabul).update();
		this.jdbc.sql("update ceasefire set ended_on = '2025-11-20', status = 'COLLAPSED' where id = :id")
			.param("id", s.doha)
			.update();
		this.jdbc.sql("delete from talks_round_mediator where talks_round_id = :id").param("id", s.round3).update();

		List<String> differences = new TransactionTemplate(this.transactions).execute((status) -> {
			this.jdbc.sql("create temporary table kept_entries on commit drop as select * from timeline_entry")
				.update();
			this.jdbc.sql("create temporary table kept_facets on commit drop as select * from timeline_facet").update();
			this.jdbc.sql("select 1 from timeline_rebuild()").query(Integer.class).single();
			List<String> found = this.jdbc.sql(DIFFERENCES).query(String.class).list();
			status.setRollbackOnly();
			return found;
		});

		assertThat(differences).isEmpty();
	}

}
