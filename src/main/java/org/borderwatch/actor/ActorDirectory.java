package org.borderwatch.actor;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves actor ids to {@link ActorRef}s for responses of other features, one query per
 * response or page, however many actors it names.
 */
@Component
public class ActorDirectory {

	private final JdbcClient jdbc;

	ActorDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<UUID, ActorRef> refs(Collection<UUID> ids) {
		Set<UUID> wanted = new HashSet<>(ids);
		wanted.remove(null);
		if (wanted.isEmpty()) {
			return Map.of();
		}
		Map<UUID, ActorRef> refs = new HashMap<>();
		this.jdbc.sql("select id, name from actor where id in (:ids)")
			.param("ids", wanted)
			.query((rs, row) -> new ActorRef(rs.getObject("id", UUID.class), rs.getString("name")))
			.list()
			.forEach((ref) -> refs.put(ref.id(), ref));
		return refs;
	}

	/** The ref of {@code id} from a map made by {@link #refs}; null for a null id. */
	public static ActorRef ref(Map<UUID, ActorRef> refs, UUID id) {
		return (id == null) ? null : Objects.requireNonNullElseGet(refs.get(id), () -> new ActorRef(id, null));
	}

	/** The id of the actor with this name (case-insensitive), if any. */
	public java.util.Optional<UUID> idByName(String name) {
		return this.jdbc.sql("select id from actor where lower(name) = lower(:name)")
			.param("name", name)
			.query(UUID.class)
			.optional();
	}

}
