package org.borderwatch.talks;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NegotiationRepository extends JpaRepository<Negotiation, UUID> {

	/**
	 * Case-insensitive as the unique index {@code negotiation_name_key}, which serves it
	 * (a derived IgnoreCase query compares upper(name) and scans the table).
	 */
	@Query("select n from Negotiation n where lower(n.name) = lower(:name)")
	Optional<Negotiation> findByNameIgnoreCase(@Param("name") String name);

	/**
	 * Locks the negotiation and bumps its version: adding or removing a round changes the
	 * negotiation's {@code roundCount}, so its ETag must change too, and round numbers
	 * within one negotiation are handed out one writer at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
	Optional<Negotiation> findForRoundChangeById(UUID id);

	/**
	 * Loads a negotiation to change it, locking its row: writers take turns (see the
	 * rounds).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Negotiation> findForWriteById(UUID id);

}
