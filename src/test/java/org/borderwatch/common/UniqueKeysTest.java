package org.borderwatch.common;

import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unique key the database enforces names the field it guards, whether the write that
 * broke it went through JPA or was made with SQL of its own.
 */
class UniqueKeysTest extends IntegrationTest {

	private static final FieldError NAME = new FieldError("name", "an actor with this name already exists");

	private static final String INSERT_ACTOR = """
			insert into actor (id, name, kind, version, created_at, updated_at)
			values (cast(:id as uuid), :name, 'OTHER', 0, now(), now())""";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EntityManagerFactory entityManagers;

	private void insertWithSql(String name) {
		this.jdbc.sql(INSERT_ACTOR).param("id", UUID.randomUUID().toString()).param("name", name).update();
	}

	@Test
	void namesTheFieldOfAKeyBrokenByAWriteMadeWithSql() {
		String name = "Clash " + UUID.randomUUID();
		insertWithSql(name);

		RuntimeException clash = null;
		try {
			insertWithSql(name.toUpperCase());
		}
		catch (DataIntegrityViolationException ex) {
			clash = ex;
		}

		assertThat(clash).isNotNull();
		assertThat(UniqueKeys.fieldOf(clash)).contains(NAME);
	}

	@Test
	void namesTheFieldOfAKeyBrokenByAWriteThroughJpa() {
		String name = "Clash " + UUID.randomUUID();
		insertWithSql(name);

		RuntimeException clash = null;
		try (EntityManager manager = this.entityManagers.createEntityManager()) {
			manager.getTransaction().begin();
			try {
				manager.createNativeQuery(INSERT_ACTOR.replace(":id", "?1").replace(":name", "?2"))
					.setParameter(1, UUID.randomUUID().toString())
					.setParameter(2, name.toLowerCase())
					.executeUpdate();
			}
			catch (RuntimeException ex) {
				clash = ex;
			}
			finally {
				manager.getTransaction().rollback();
			}
		}

		assertThat(clash).isNotNull();
		assertThat(UniqueKeys.fieldOf(clash)).contains(NAME);
	}

}
