package org.borderwatch.config;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.type.PostgreSQLArrayJdbcType;
import org.hibernate.dialect.type.PostgreSQLArrayJdbcTypeConstructor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.extract.spi.ColumnTypeInformation;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Maps the entities' array columns (actor aliases, incident tags and the like) as
 * Hibernate's PostgreSQL dialect does, except that the SQL name of the element type is
 * worked out once per mapping instead of on every bind: Hibernate asks its type registry
 * for it and rebuilds the string each time, which was a visible share of an actor create
 * in CPU profiles (creates now write actors with SQL of their own; incident writes and
 * actor updates bind their arrays here). The name depends only on the mapping, so the
 * values bound are the same.
 * <p>
 * Registered through {@code META-INF/services}, after the dialect's own contributions, so
 * that it takes the place of the dialect's array type constructor.
 */
public class ArrayTypeContributor implements TypeContributor {

	@Override
	public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
		contributions.contributeJdbcTypeConstructor(new Constructor());
	}

	/** The dialect's array type constructor, making {@link NameCachingArrayJdbcType}s. */
	static final class Constructor extends PostgreSQLArrayJdbcTypeConstructor {

		@Override
		public JdbcType resolveType(TypeConfiguration typeConfiguration, Dialect dialect, JdbcType elementType,
				ColumnTypeInformation columnTypeInformation) {
			return new NameCachingArrayJdbcType(elementType);
		}

	}

	/**
	 * PostgreSQL's array type, remembering the element type name it bound last: one array
	 * type serves one mapping, so that name is asked for once.
	 */
	static final class NameCachingArrayJdbcType extends PostgreSQLArrayJdbcType {

		private volatile ElementTypeName last;

		NameCachingArrayJdbcType(JdbcType elementJdbcType) {
			super(elementJdbcType);
		}

		@Override
		protected String getElementTypeName(JavaType<?> javaType, SharedSessionContractImplementor session) {
			ElementTypeName known = this.last;
			if (known != null && known.javaType() == javaType) {
				return known.name();
			}
			String name = super.getElementTypeName(javaType, session);
			this.last = new ElementTypeName(javaType, name);
			return name;
		}

		private record ElementTypeName(JavaType<?> javaType, String name) {
		}

	}

}
