-- Replacing the delegations of a round deletes the old rows and inserts new ones at the same
-- positions. Hibernate flushes inserts before deletes, so for a moment two rows share a position
-- and an immediate unique check refuses the replacement. Checked at commit, the key still allows
-- one delegation per position, without the application having to order its writes.
alter table talks_delegation
    drop constraint talks_delegation_position_key,
    add constraint talks_delegation_position_key unique (talks_round_id, position)
        deferrable initially deferred;
