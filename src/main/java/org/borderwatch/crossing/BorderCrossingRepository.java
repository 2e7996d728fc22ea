package org.borderwatch.crossing;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BorderCrossingRepository extends JpaRepository<BorderCrossing, UUID> {

	/**
	 * Case-insensitive as the unique index {@code border_crossing_name_key}, which serves
	 * it.
	 */
	@Query("select c from BorderCrossing c where lower(c.name) = lower(:name)")
	Optional<BorderCrossing> findByNameIgnoreCase(@Param("name") String name);

	/**
	 * Raises the crossing's version for a write to its history, locking its row until the
	 * transaction ends; 0 when there is no such crossing. Its current status is part of
	 * its representation, so a history write must change its ETag. The row lock also
	 * queues concurrent writers of one crossing's history, so the duplicate-instant check
	 * of the second one sees the first one's change.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update BorderCrossing c set c.version = c.version + 1 where c.id = :id")
	int lockForHistoryChange(@Param("id") UUID id);

}
