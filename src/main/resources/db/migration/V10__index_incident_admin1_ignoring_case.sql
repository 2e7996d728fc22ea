-- The incident filter matches admin1 ignoring case ("khyber pakhtunkhwa"); the plain index of V2
-- cannot answer lower(admin1), so this one replaces it.
drop index incident_admin1_idx;
create index incident_admin1_lower_idx on incident (lower(admin1));
