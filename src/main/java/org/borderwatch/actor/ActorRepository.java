package org.borderwatch.actor;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ActorRepository extends JpaRepository<Actor, UUID> {

	/**
	 * Case-insensitive as the unique index {@code actor_name_key}, which serves it (a
	 * derived IgnoreCase query compares upper(name) and scans the table).
	 */
	@Query("select a from Actor a where lower(a.name) = lower(:name)")
	Optional<Actor> findByNameIgnoreCase(@Param("name") String name);

}
