package org.borderwatch.importing;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The bulk check of new incidents' rows refuses what the per-row foreign key checks would
 * have refused.
 */
class NewIncidentReferencesTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void theDatabaseRoleMayCheckInBulk() {
		assertThat(NewIncidentReferences.checkableInBulk(this.jdbc)).isTrue();
	}

	@Test
	void refusesASourceLinkOfAnIncidentThatDoesNotExist() {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			UUID missing = UUID.randomUUID();
			this.jdbc.sql("""
					create temporary table import_plan on commit drop as
					select 1::bigint as line, 'x' as external_id, :id::uuid as record_id, 'CREATE' as action""")
				.param("id", missing)
				.update();
			NewIncidentReferences.rowChecks(this.jdbc, false);
			UUID source = this.jdbc.sql("""
					insert into source (id, publisher, title, kind, version, created_at, updated_at)
					values (bw_uuid_v7(), 'Dawn', 'A report', 'NEWS_AGENCY', 0, now(), now()) returning id""")
				.query(UUID.class)
				.single();
			this.jdbc.sql("insert into incident_source (incident_id, source_id) values (:id, :source)")
				.param("id", missing)
				.param("source", source)
				.update();
			NewIncidentReferences.rowChecks(this.jdbc, true);
			assertThatIllegalStateException().isThrownBy(() -> NewIncidentReferences.verify(this.jdbc))
				.withMessageContaining("reference nothing");
			status.setRollbackOnly();
		});
	}

	@Test
	void acceptsRowsThatReferenceWhatExists() {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.sql("""
					create temporary table import_plan on commit drop as
					select 1::bigint as line, 'x' as external_id, id as record_id, 'CREATE' as action
					from incident order by id limit 5""").update();
			NewIncidentReferences.verify(this.jdbc);
			status.setRollbackOnly();
		});
	}

}
