package org.borderwatch.ceasefire;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface CeasefireRepository extends JpaRepository<Ceasefire, UUID> {

	Optional<Ceasefire> findByNameIgnoreCase(String name);

	/**
	 * Reads the ceasefire with its row locked until commit and its version moved on: for
	 * changes made outside the aggregate's own row (its violations) that still change
	 * what it shows.
	 */
	@Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
	Optional<Ceasefire> findLockedById(UUID id);

}
