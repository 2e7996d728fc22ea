-- Talks rounds follow a lifecycle (SCHEDULED, ONGOING, SUSPENDED, then CONCLUDED, COLLAPSED or
-- CANCELLED), and only a round that met and stopped (SUSPENDED, CONCLUDED, COLLAPSED) has an
-- outcome. The application enforces the transitions; the database keeps any writer, bulk SQL
-- included, to the statuses that exist and to outcomes where they belong.
--
-- NOT VALID: rows written before the rule, which may carry an outcome on a round still ONGOING,
-- are kept as they are rather than guessed at or emptied; the rule holds for every row written
-- from now on, and an update of such a row must clear or settle its outcome.
alter table talks_round
    add constraint talks_round_status_check check (
        status in ('SCHEDULED', 'ONGOING', 'SUSPENDED', 'CONCLUDED', 'COLLAPSED', 'CANCELLED')) not valid,
    add constraint talks_round_outcome_check check (
        outcome is null or status in ('SUSPENDED', 'CONCLUDED', 'COLLAPSED')) not valid;
