package org.borderwatch.incident;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.borderwatch.actor.ActorRef;

/**
 * Reads which ceasefires incidents are alleged to have violated. The ceasefire feature
 * owns those records; incidents only read them, by SQL, in one query per response or
 * page.
 */
@Component
class AllegedViolations {

	private final JdbcClient jdbc;

	AllegedViolations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The alleged violations of each incident of {@code incidentIds}, oldest allegation
	 * first.
	 */
	Map<UUID, List<IncidentResponse.AllegedViolation>> of(Collection<UUID> incidentIds) {
		if (incidentIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<IncidentResponse.AllegedViolation>> byIncident = new HashMap<>();
		this.jdbc.sql("""
				select v.incident_id, v.ceasefire_id, c.name as ceasefire_name,
				       v.alleged_by_actor_id, a.name as alleged_by_name
				from ceasefire_violation v
				join ceasefire c on c.id = v.ceasefire_id
				left join actor a on a.id = v.alleged_by_actor_id
				where v.incident_id in (:ids)
				order by v.created_at, v.id""").param("ids", incidentIds).query((ResultSet rs) -> {
			UUID allegedBy = rs.getObject("alleged_by_actor_id", UUID.class);
			byIncident.computeIfAbsent(rs.getObject("incident_id", UUID.class), (id) -> new ArrayList<>())
				.add(new IncidentResponse.AllegedViolation(rs.getObject("ceasefire_id", UUID.class),
						rs.getString("ceasefire_name"),
						(allegedBy != null) ? new ActorRef(allegedBy, rs.getString("alleged_by_name")) : null));
		});
		return byIncident;
	}

}
