package org.borderwatch.config;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.type.PostgreSQLArrayJdbcType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array columns of the entities are mapped by {@link ArrayTypeContributor}: its type
 * names the elements as the dialect's own type does, and arrays written through it read
 * back as sent.
 */
class ArrayTypeContributorTest extends IntegrationTest {

	@Autowired
	private EntityManagerFactory entityManagers;

	@Autowired
	private JdbcClient jdbc;

	private JdbcType jdbcTypeOf(String entity, String attribute) {
		AttributeMapping mapping = this.entityManagers.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(entity)
			.findAttributeMapping(attribute);
		return mapping.getSingleJdbcMapping().getJdbcType();
	}

	@Test
	void mapsTheEntitiesArrayColumnsWithTheNameCachingType() {
		assertThat(jdbcTypeOf("org.borderwatch.actor.Actor", "aliases"))
			.isInstanceOf(ArrayTypeContributor.NameCachingArrayJdbcType.class);
		assertThat(jdbcTypeOf("org.borderwatch.incident.Incident", "tags"))
			.isInstanceOf(ArrayTypeContributor.NameCachingArrayJdbcType.class);
	}

	@Test
	void namesTheElementTypeAsTheDialectsArrayTypeDoes() {
		ArrayTypeContributor.NameCachingArrayJdbcType caching = (ArrayTypeContributor.NameCachingArrayJdbcType) jdbcTypeOf(
				"org.borderwatch.actor.Actor", "aliases");
		DialectArrayType dialects = new DialectArrayType(caching.getElementJdbcType());
		AttributeMapping aliases = this.entityManagers.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor("org.borderwatch.actor.Actor")
			.findAttributeMapping("aliases");
		JavaType<?> javaType = aliases.getSingleJdbcMapping().getJavaTypeDescriptor();
		try (EntityManager manager = this.entityManagers.createEntityManager()) {
			SharedSessionContractImplementor session = manager.unwrap(SharedSessionContractImplementor.class);
			String expected = dialects.elementTypeName(javaType, session);

			assertThat(caching.getElementTypeName(javaType, session)).isEqualTo(expected);
			// the second time from memory, the same
			assertThat(caching.getElementTypeName(javaType, session)).isEqualTo(expected);
		}
	}

	@Test
	void arraysWrittenThroughItReadBackAsSent() {
		Api api = new Api(this.port);
		String name = "Array type " + UUID.randomUUID();
		for (List<String> aliases : List.of(List.of("Alpha", "Beta, \"quoted\"", "{braced}"), List.<String>of())) {
			String actor = name + " " + aliases.size();
			Api.Response created = api.post("/api/v1/actors", """
					{"name": "%s", "kind": "OTHER", "aliases": ["Before"]}""".formatted(actor));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = created.json().path("id").asString();
			// a replace loads and flushes the actor through JPA, binding the array
			Api.Response replaced = api.put("/api/v1/actors/" + id, """
					{"name": "%s", "kind": "OTHER", "aliases": %s}""".formatted(actor,
					aliases.stream().map((alias) -> "\"" + alias.replace("\"", "\\\"") + "\"").toList()));
			assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

			String[] stored = this.jdbc.sql("select aliases from actor where id = :id")
				.param("id", UUID.fromString(id))
				.query((rs, row) -> (String[]) rs.getArray(1).getArray())
				.single();
			assertThat(stored).containsExactlyElementsOf(aliases);
		}
	}

	/** The dialect's own array type, its element type name made callable. */
	private static final class DialectArrayType extends PostgreSQLArrayJdbcType {

		DialectArrayType(JdbcType elementJdbcType) {
			super(elementJdbcType);
		}

		String elementTypeName(JavaType<?> javaType, SharedSessionContractImplementor session) {
			return getElementTypeName(javaType, session);
		}

	}

}
