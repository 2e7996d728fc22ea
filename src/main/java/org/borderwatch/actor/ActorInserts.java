package org.borderwatch.actor;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a new actor's rows with SQL of its own: the rows JPA would write for it, in the
 * order it writes them (the actor, then its designations, relations, sources and dataset
 * ids), with version 0 and the creation time as updated time.
 * <p>
 * Creating an actor is the most frequent write, and in CPU profiles of creates JPA's
 * persist and flush of the new actor were a fifth of the request's time, for one insert:
 * registering the entity and its four collections, an insert prepared per flush, and a
 * second flush at commit that checks them all again. The actor is still built and checked
 * by its entity ({@link Actor}), so its rules apply as before; only the writing is done
 * here. Replacing, patching and deleting load the actor through JPA, which then reads
 * these rows like any other.
 */
@Component
class ActorInserts {

	private final JdbcClient jdbc;

	ActorInserts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts {@code actor}, which must be new (never saved).
	 * @return the creation time written (PostgreSQL keeps microseconds, so it is
	 * truncated to them, as the entity's own stamp is)
	 */
	Instant insert(Actor actor) {
		if (!actor.isNew()) {
			throw new IllegalArgumentException("actor " + actor.getId() + " is stored already");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		OffsetDateTime stamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		UUID id = actor.getId();
		this.jdbc.sql("""
				insert into actor (aliases, country, created_at, description, kind, name, parent_id, title,
				                   updated_at, version, id)
				values (:aliases, :country, :createdAt, :description, :kind, :name, :parentId, :title,
				        :updatedAt, 0, :id)""")
			.param("aliases", actor.getAliases().toArray(String[]::new))
			.param("country", actor.getCountry())
			.param("createdAt", stamp)
			.param("description", actor.getDescription())
			.param("kind", actor.getKind().name())
			.param("name", actor.getName())
			.param("parentId", actor.getParentId())
			.param("title", actor.getTitle())
			.param("updatedAt", stamp)
			.param("id", id)
			.update();
		List<Designation> designations = actor.getDesignations();
		for (int position = 0; position < designations.size(); position++) {
			Designation designation = designations.get(position);
			this.jdbc.sql("""
					insert into actor_designation (actor_id, position, designated_by_id, designation, since, until,
					                               source_id)
					values (:id, :position, :designatedBy, :designation, :since, :until, :sourceId)""")
				.param("id", id)
				.param("position", position)
				.param("designatedBy", designation.designatedById())
				.param("designation", designation.designation())
				.param("since", designation.since())
				.param("until", designation.until())
				.param("sourceId", designation.sourceId())
				.update();
		}
		List<ActorRelation> relations = actor.getRelations();
		for (int position = 0; position < relations.size(); position++) {
			ActorRelation relation = relations.get(position);
			this.jdbc.sql("""
					insert into actor_relation (actor_id, position, kind, related_actor_id, since, until)
					values (:id, :position, :kind, :relatedActorId, :since, :until)""")
				.param("id", id)
				.param("position", position)
				.param("kind", relation.kind().name())
				.param("relatedActorId", relation.relatedActorId())
				.param("since", relation.since())
				.param("until", relation.until())
				.update();
		}
		for (UUID sourceId : actor.getSourceIds()) {
			this.jdbc.sql("insert into actor_source (actor_id, source_id) values (:id, :sourceId)")
				.param("id", id)
				.param("sourceId", sourceId)
				.update();
		}
		for (ExternalId externalId : actor.getExternalIds()) {
			this.jdbc.sql(
					"insert into actor_external_id (actor_id, dataset, external_id) values (:id, :dataset, :externalId)")
				.param("id", id)
				.param("dataset", externalId.dataset())
				.param("externalId", externalId.id())
				.update();
		}
		return now;
	}

}
