package org.borderwatch.actor;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActorRepository extends JpaRepository<Actor, UUID> {

}
