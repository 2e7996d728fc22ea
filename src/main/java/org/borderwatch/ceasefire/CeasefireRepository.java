package org.borderwatch.ceasefire;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CeasefireRepository extends JpaRepository<Ceasefire, UUID> {

	/**
	 * Case-insensitive as the unique index {@code ceasefire_name_key}, which serves it (a
	 * derived IgnoreCase query compares upper(name) and scans the table).
	 */
	@Query("select c from Ceasefire c where lower(c.name) = lower(:name)")
	Optional<Ceasefire> findByNameIgnoreCase(@Param("name") String name);

	/**
	 * Reads the ceasefire with its row locked until commit and its version moved on: for
	 * changes made outside the aggregate's own row (its violations) that still change
	 * what it shows.
	 */
	@Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
	Optional<Ceasefire> findLockedById(UUID id);

}
