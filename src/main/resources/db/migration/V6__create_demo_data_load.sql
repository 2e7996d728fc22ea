-- Which demo data sets were loaded, so a restart never loads one twice.
create table demo_data_load (
    name      text primary key,
    loaded_at timestamptz not null
);
