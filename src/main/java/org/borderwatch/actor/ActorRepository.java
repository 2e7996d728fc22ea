package org.borderwatch.actor;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActorRepository extends JpaRepository<Actor, UUID> {

	Optional<Actor> findByNameIgnoreCase(String name);

}
