-- Deterministic synthetic data set for the benchmark, written through the service's own schema
-- (run it after Flyway has migrated the database, on an empty database).
--
--   psql -v n=1000000 -f bench/generate.sql      (n = number of incidents, default 1,000,000)
--
-- Every value is a function of a row number through hashint8extended (no random(), no
-- dependency on plan or execution order), so two runs produce identical rows, ids included.
-- Proportions: ~2,000 actors, ~5,000 sources, 1-3 actors and 0-3 curated casualty figures per
-- incident, claims and competing casualty claims on some, 500 ceasefires with parties,
-- mediators and violations, 50 negotiations with 500 talks rounds and their delegations,
-- 40 crossings with 20,000 status changes. Dates 2015-2025, mostly Pakistan and Afghanistan.
--
-- Triggers: rows go in with plain INSERTs, so every trigger on these tables fires and keeps
-- whatever projection it maintains, except the statistics rollup's own triggers and the
-- timeline's insert triggers, which are switched off for the load and replaced by one exact
-- rebuild each at the end (much faster than millions of row-by-row upserts, or than refreshing
-- every incident's timeline entry again after each of its child tables is loaded; the result
-- is identical, see IncidentStatsRollupTest and TimelineApiTest).

\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 1000000
\endif
\timing on
set timezone = 'UTC';
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';
set max_parallel_maintenance_workers = 1;

-- r(n, k): a uniform number in [0, 1) for row n and draw k.
create function pg_temp.r(n bigint, k integer) returns double precision
    language sql immutable parallel safe
    as $$ select (hashint8extended(n, k) & 2147483647)::double precision / 2147483648.0 $$;

-- A version 7 UUID for the given millisecond, with pseudo-random bits from md5(kind:n). Each
-- argument appears once in the body, so that PostgreSQL inlines the function (a parameter used
-- twice with a costly argument would make every call go through the SQL function executor).
create function pg_temp.uid(kind integer, n bigint, ms bigint) returns uuid
    language sql immutable parallel safe
    as $$ select overlay(overlay(overlay(md5(kind || ':' || n) placing lpad(to_hex(ms), 12, '0') from 1 for 12)
        placing '7' from 13 for 1) placing '8' from 17 for 1)::uuid $$;

create function pg_temp.ms(t timestamptz) returns bigint
    language sql immutable parallel safe
    as $$ select (extract(epoch from t) * 1000)::bigint $$;

-- Refuse to add a second data set on top of the first.
do $$ begin
    if exists (select 1 from incident) then
        raise exception 'the database already holds incidents; generate into an empty database';
    end if;
end $$;

-- Secondary indexes of the big incident tables are dropped for the load and built again at the
-- end (a bulk build is several times faster than a million row-by-row insertions, the full-text
-- GIN index above all). Their definitions are read from the catalog, so indexes added by later
-- migrations come back too; they are kept in a real table until rebuilt, so a run interrupted
-- in between restores them when it is started again. Primary keys and constraint indexes stay.
do $$
declare
    saved record;
begin
    if to_regclass('g_saved_index') is not null then
        for saved in select name, def from g_saved_index loop
            if to_regclass(saved.name) is null then
                execute saved.def;
            end if;
        end loop;
        drop table g_saved_index;
    end if;
end $$;
-- staging tables of an interrupted run
drop table if exists g_inc, g_fig, g_change;

alter table incident disable trigger incident_daily_rollup_insert;
alter table casualty_figure disable trigger incident_daily_rollup_casualty_insert;
alter table incident_actor disable trigger incident_daily_rollup_actor_insert;
select timeline_insert_triggers(false);

create unlogged table g_saved_index as
select format('%I.%I', n.nspname, c.relname) as name, pg_get_indexdef(i.indexrelid) as def
from pg_index i
join pg_class c on c.oid = i.indexrelid
join pg_namespace n on n.oid = c.relnamespace
where i.indrelid in ('incident'::regclass, 'incident_actor'::regclass, 'casualty_figure'::regclass,
        'incident_source'::regclass, 'incident_claim'::regclass)
  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
do $$
declare
    saved record;
begin
    for saved in select name from g_saved_index loop
        execute 'drop index ' || saved.name;
    end loop;
end $$;

-- ---------------------------------------------------------------------------------------------
-- Lookup tables (temporary): places and event types with their weights, as 1,000 slots each.
create temp table g_place (country text, admin1 text, weight integer, lat double precision,
    lon double precision, places text[]);
insert into g_place values
    ('PAK', 'Khyber Pakhtunkhwa', 270, 33.6, 71.0, '{Peshawar,Bannu,Miranshah,"Dera Ismail Khan",Parachinar,Landi Kotal,Wana,Khar,Tank,Lakki Marwat}'),
    ('PAK', 'Balochistan', 180, 28.8, 66.0, '{Quetta,Turbat,Gwadar,Panjgur,Chaman,Zhob,Kalat,Awaran,Kech,Sibi}'),
    ('PAK', 'Punjab', 50, 31.2, 72.7, '{Lahore,"Dera Ghazi Khan",Rawalpindi,Multan,Attock}'),
    ('PAK', 'Sindh', 45, 25.9, 68.5, '{Karachi,Hyderabad,Sukkur,Larkana}'),
    ('PAK', 'Gilgit-Baltistan', 15, 35.8, 74.5, '{Gilgit,Chilas,Skardu}'),
    ('PAK', 'Azad Kashmir', 25, 34.0, 73.8, '{Muzaffarabad,Kotli,Bhimber,Neelum}'),
    ('PAK', 'Islamabad Capital Territory', 15, 33.7, 73.05, '{Islamabad}'),
    ('AFG', 'Nangarhar', 60, 34.3, 70.5, '{Jalalabad,Achin,Momand Dara,Torkham,Shinwar}'),
    ('AFG', 'Kunar', 40, 34.9, 71.1, '{Asadabad,Dangam,Marawara,Sarkano}'),
    ('AFG', 'Khost', 40, 33.3, 69.9, '{Khost,"Tani",Spera,Gurbuz}'),
    ('AFG', 'Paktika', 40, 32.5, 68.8, '{Sharana,Barmal,Urgun,Gayan}'),
    ('AFG', 'Paktia', 25, 33.6, 69.4, '{Gardez,Dand Patan,Zazai Maidan}'),
    ('AFG', 'Kandahar', 45, 31.6, 65.7, '{Kandahar,Spin Boldak,Maruf,Arghistan}'),
    ('AFG', 'Helmand', 35, 31.2, 64.0, '{Lashkar Gah,Garmsir,Sangin,Musa Qala}'),
    ('AFG', 'Nuristan', 12, 35.3, 70.9, '{Parun,Kamdesh,Barg-e Matal}'),
    ('AFG', 'Zabul', 13, 32.2, 67.2, '{Qalat,Shinkay,Arghandab}'),
    ('AFG', 'Nimroz', 10, 30.9, 62.2, '{Zaranj,Chahar Burjak}'),
    ('AFG', 'Kabul', 10, 34.5, 69.2, '{Kabul,Paghman,Surobi}'),
    ('IND', 'Jammu and Kashmir', 32, 33.9, 74.8, '{Srinagar,Poonch,Rajouri,Kupwara,Uri}'),
    ('IND', 'Punjab', 8, 31.1, 75.3, '{Amritsar,Gurdaspur,Ferozepur}'),
    ('IRN', 'Sistan and Baluchestan', 30, 28.5, 60.9, '{Zahedan,Saravan,Chabahar,Mirjaveh,Rask}');
create temp table g_place_slot as
    select s.slot, p.country, p.admin1, p.lat, p.lon, p.places
    from (select *, sum(weight) over (order by country, admin1) - weight as lo,
        sum(weight) over (order by country, admin1) as hi from g_place) p
    join generate_series(0, 999) s(slot) on s.slot >= p.lo and s.slot < p.hi;
-- temporary tables get no statistics unless asked: without them the joins below scan them per row
analyze g_place_slot;

create temp table g_type (event_type text, sub_event_type text, label text, weight integer, violent boolean);
insert into g_type values
    ('BATTLES', 'ARMED_CLASH', 'Armed clash', 363, true),
    ('BATTLES', 'GOVERNMENT_REGAINS_TERRITORY', 'Government regains territory', 10, true),
    ('BATTLES', 'NON_STATE_ACTOR_OVERTAKES_TERRITORY', 'Non-state actor overtakes territory', 5, true),
    ('EXPLOSIONS_REMOTE_VIOLENCE', 'REMOTE_EXPLOSIVE_LANDMINE_IED', 'Remote explosive/landmine/IED', 150, true),
    ('EXPLOSIONS_REMOTE_VIOLENCE', 'GRENADE', 'Grenade', 50, true),
    ('EXPLOSIONS_REMOTE_VIOLENCE', 'SHELLING_ARTILLERY_MISSILE_ATTACK', 'Shelling/artillery/missile attack', 80, true),
    ('EXPLOSIONS_REMOTE_VIOLENCE', 'AIR_DRONE_STRIKE', 'Air/drone strike', 40, true),
    ('EXPLOSIONS_REMOTE_VIOLENCE', 'SUICIDE_BOMB', 'Suicide bomb', 15, true),
    ('EXPLOSIONS_REMOTE_VIOLENCE', 'CHEMICAL_WEAPON', 'Chemical weapon', 0, true),
    ('VIOLENCE_AGAINST_CIVILIANS', 'ATTACK', 'Attack', 100, true),
    ('VIOLENCE_AGAINST_CIVILIANS', 'ABDUCTION_FORCED_DISAPPEARANCE', 'Abduction/forced disappearance', 30, true),
    ('VIOLENCE_AGAINST_CIVILIANS', 'SEXUAL_VIOLENCE', 'Sexual violence', 5, true),
    ('PROTESTS', 'PEACEFUL_PROTEST', 'Peaceful protest', 50, false),
    ('PROTESTS', 'PROTEST_WITH_INTERVENTION', 'Protest with intervention', 10, false),
    ('PROTESTS', 'EXCESSIVE_FORCE_AGAINST_PROTESTERS', 'Excessive force against protesters', 5, true),
    ('RIOTS', 'VIOLENT_DEMONSTRATION', 'Violent demonstration', 15, true),
    ('RIOTS', 'MOB_VIOLENCE', 'Mob violence', 10, true),
    ('STRATEGIC_DEVELOPMENTS', 'AGREEMENT', 'Agreement', 5, false),
    ('STRATEGIC_DEVELOPMENTS', 'ARRESTS', 'Arrests', 20, false),
    ('STRATEGIC_DEVELOPMENTS', 'CHANGE_TO_GROUP_ACTIVITY', 'Change to group/activity', 10, false),
    ('STRATEGIC_DEVELOPMENTS', 'DISRUPTED_WEAPONS_USE', 'Disrupted weapons use', 15, false),
    ('STRATEGIC_DEVELOPMENTS', 'HEADQUARTERS_OR_BASE_ESTABLISHED', 'Headquarters or base established', 2, false),
    ('STRATEGIC_DEVELOPMENTS', 'LOOTING_PROPERTY_DESTRUCTION', 'Looting/property destruction', 5, false),
    ('STRATEGIC_DEVELOPMENTS', 'NON_VIOLENT_TRANSFER_OF_TERRITORY', 'Non-violent transfer of territory', 3, false),
    ('STRATEGIC_DEVELOPMENTS', 'OTHER', 'Other', 2, false);
create temp table g_type_slot as
    select s.slot, t.event_type, t.sub_event_type, t.label, t.violent
    from (select *, sum(weight) over (order by event_type, sub_event_type) - weight as lo,
        sum(weight) over (order by event_type, sub_event_type) as hi from g_type) t
    join generate_series(0, 999) s(slot) on s.slot >= t.lo and s.slot < t.hi;
analyze g_type_slot;

-- ---------------------------------------------------------------------------------------------
-- Actors: 2,000, by rank. 1-60 state forces and 61-900 armed groups (the combatants, picked
-- with a strong skew towards the first ranks), 901-1000 civilians, 1001-1030 states, 1031-1060
-- governments, 1061-1080 international organisations, 1081-1950 persons, 1951-2000 others.
create temp table g_actor (idx integer primary key, id uuid, name text, kind text, country text);
insert into g_actor
select idx, pg_temp.uid(1, idx, pg_temp.ms(timestamptz '2014-12-01' + idx * interval '1 minute')), name, kind, country
from (
    select idx,
        case
            when idx <= 60 then (array['Military Forces of Pakistan', 'Police Forces of Pakistan', 'Frontier Corps',
                'Military Forces of Afghanistan (2021-)', 'Police Forces of Afghanistan (2021-)', 'Counter Terrorism Department',
                'Levies Force', 'Military Forces of India', 'Border Security Force (India)', 'Iranian Border Guard'])[1 + (idx - 1) % 10]
                || case when idx > 10 then ' unit ' || idx else '' end
            when idx <= 900 then coalesce((array['Tehrik-e-Taliban Pakistan', 'Baloch Liberation Army', 'Islamic State Khorasan Province',
                'Baloch Liberation Front', 'Hafiz Gul Bahadur Group', 'Jamaat-ul-Ahrar', 'Lashkar-e-Islam', 'al-Qaida in the Indian Subcontinent',
                'Lashkar-e-Jhangvi', 'National Resistance Front', 'Jaish al-Adl', 'Baloch Republican Guard', 'Tehreek-e-Jihad Pakistan',
                'Ittehad-ul-Mujahideen Pakistan', 'Lashkar-e-Taiba', 'Jaish-e-Mohammed'])[idx - 60],
                (array['Unidentified armed group', 'Tribal militia', 'Communal militia', 'Criminal gang', 'Splinter faction'])[1 + idx % 5]
                    || ' ' || idx)
            when idx <= 1000 then 'Civilians ' || (array['(Pakistan)', '(Afghanistan)', '(India)', '(Iran)'])[1 + (idx - 901) % 4]
                || case when idx > 904 then ' group ' || idx else '' end
            when idx <= 1030 then coalesce((array['Pakistan', 'Afghanistan', 'India', 'Iran', 'Qatar', 'Turkey', 'China', 'Saudi Arabia',
                'United States', 'United Arab Emirates', 'Russia', 'Uzbekistan', 'Tajikistan', 'Turkmenistan', 'Norway'])[idx - 1000],
                'State ' || idx)
            when idx <= 1060 then coalesce((array['Government of Pakistan', 'Taliban government of Afghanistan',
                'Government of India', 'Government of Iran', 'Government of Qatar', 'Government of Turkey'])[idx - 1030],
                'Provincial government ' || idx)
            when idx <= 1080 then coalesce((array['United Nations', 'UN Assistance Mission in Afghanistan', 'Organisation of Islamic Cooperation',
                'International Committee of the Red Cross', 'Shanghai Cooperation Organisation'])[idx - 1060], 'International organisation ' || idx)
            when idx <= 1950 then (array['Abdul', 'Mohammad', 'Ahmad', 'Asim', 'Khawaja', 'Zabihullah', 'Sher', 'Imran', 'Bilal', 'Hamid',
                'Nasir', 'Tariq', 'Farid', 'Jamal', 'Karim', 'Latif', 'Mansoor', 'Naveed', 'Qasim', 'Rashid', 'Saeed', 'Usman', 'Wali', 'Yusuf',
                'Zahir', 'Amina', 'Fatima', 'Malala', 'Shireen', 'Zainab'])[1 + (idx - 1081) % 30]
                || ' ' || (array['Khan', 'Haq', 'Malik', 'Mujahid', 'Wasiq', 'Asif', 'Durrani', 'Yousafzai', 'Afridi', 'Wazir',
                'Mehsud', 'Achakzai', 'Baloch', 'Bugti', 'Marri', 'Mengal', 'Shinwari', 'Mohmand', 'Orakzai', 'Bangash', 'Khattak', 'Niazi',
                'Qureshi', 'Siddiqui', 'Haqqani', 'Popalzai', 'Barakzai', 'Alokozai', 'Noorzai'])[1 + ((idx - 1081) / 30) % 29]
            else 'Traders association ' || idx
        end as name,
        case when idx <= 60 then 'STATE_FORCES' when idx <= 900 then 'NON_STATE_ARMED_GROUP' when idx <= 1000 then 'CIVILIANS'
            when idx <= 1030 then 'STATE' when idx <= 1060 then 'GOVERNMENT' when idx <= 1080 then 'INTERNATIONAL_ORGANIZATION'
            when idx <= 1950 then 'PERSON' else 'OTHER' end as kind,
        case when idx <= 60 then (array['PAK', 'PAK', 'PAK', 'AFG', 'AFG', 'PAK', 'PAK', 'IND', 'IND', 'IRN'])[1 + (idx - 1) % 10]
            when idx <= 1000 then (array['PAK', 'AFG', 'IND', 'IRN'])[1 + (idx - 901) % 4]
            when idx <= 1010 then (array['PAK', 'AFG', 'IND', 'IRN', 'QAT', 'TUR', 'CHN', 'SAU', 'USA', 'ARE'])[idx - 1000]
            when idx <= 1950 and idx > 1080 then (array['PAK', 'AFG'])[1 + idx % 2]
            else null end as country
    from generate_series(1, 2000) idx
) a;
analyze g_actor;

insert into actor (id, name, aliases, kind, country, parent_id, title, description, version, created_at, updated_at)
select a.id, a.name,
    case when a.idx between 61 and 76 then array[(array['TTP', 'BLA', 'ISKP', 'BLF', 'HGB', 'JuA', 'LeI', 'AQIS', 'LeJ', 'NRF',
        'JaA', 'BRG', 'TJP', 'IMP', 'LeT', 'JeM'])[a.idx - 60]] else '{}' end,
    a.kind, a.country,
    -- persons belong to a government or a state force; provincial governments to their state
    case when a.kind = 'PERSON' and a.idx % 3 = 0 then (select p.id from g_actor p where p.idx = 1031 + a.idx % 2)
         when a.kind = 'PERSON' and a.idx % 3 = 1 then (select p.id from g_actor p where p.idx = 1 + a.idx % 10) end,
    case when a.kind = 'PERSON' then (array['Spokesman', 'Minister', 'Commander', 'Director', 'Envoy', 'Elder'])[1 + a.idx % 6] end,
    'Synthetic benchmark actor ' || a.idx,
    0, timestamptz '2014-12-01' + a.idx * interval '1 minute', timestamptz '2014-12-01' + a.idx * interval '1 minute'
from g_actor a
order by a.idx;

-- ---------------------------------------------------------------------------------------------
-- Sources: 5,000, published across the whole period in order.
create temp table g_source as
select s as idx, pg_temp.uid(3, s, pg_temp.ms(timestamptz '2015-01-01' + (s * 4018 / 5000) * interval '1 day')) as id,
    date '2015-01-01' + (s * 4018 / 5000) as published_on
from generate_series(1, 5000) s;
alter table g_source add primary key (idx);
analyze g_source;

insert into source (id, publisher, title, url, published_on, kind, language, version, created_at, updated_at)
select s.id, p.publisher,
    p.publisher || ' report ' || s.idx || ': ' || (array['border clashes', 'security operation', 'attack on checkpoint',
        'crossing closure', 'talks update', 'ceasefire statement', 'casualty update', 'militant claim'])[1 + s.idx % 8],
    case when s.idx % 10 <> 0 then 'https://news.example.org/' || p.slug || '/' || s.idx end,
    s.published_on, p.kind, p.language, 0, s.published_on + time '12:00', s.published_on + time '12:00'
from g_source s
join (values (0, 'Associated Press', 'ap', 'NEWS_AGENCY', 'en'), (1, 'Reuters', 'reuters', 'NEWS_AGENCY', 'en'),
        (2, 'Dawn', 'dawn', 'NEWS_AGENCY', 'en'), (3, 'RTA', 'rta', 'STATE_MEDIA', 'ps'), (4, 'PTV News', 'ptv', 'STATE_MEDIA', 'ur'),
        (5, 'ISPR', 'ispr', 'OFFICIAL_STATEMENT', 'en'), (6, 'Ministry of Foreign Affairs of Pakistan', 'mofa', 'OFFICIAL_STATEMENT', 'en'),
        (7, 'UNAMA', 'unama', 'NGO_REPORT', 'en'), (8, 'Tolo News', 'tolo', 'NEWS_AGENCY', 'fa'),
        (9, 'ACLED', 'acled', 'DATASET', 'en'), (10, 'Social media post', 'x', 'SOCIAL_MEDIA', 'en'),
        (11, 'The Express Tribune', 'tribune', 'NEWS_AGENCY', 'en'))
    as p(k, publisher, slug, kind, language) on p.k = s.idx % 12
order by s.idx;

-- ---------------------------------------------------------------------------------------------
-- Incidents. Row n's start date grows with n (density rising towards 2025), so the table is
-- in date order as a service filled over the years would be, and the v7 ids follow.
create unlogged table g_inc as
with base as materialized (
    select n,
        date '2015-01-01' + least(4017, floor(4018 * power((n - 0.5)::double precision / :n, 0.8))::integer) as day,
        pg_temp.r(n, 1) as r_place, pg_temp.r(n, 2) as r_type, pg_temp.r(n, 3) as r_prec, pg_temp.r(n, 4) as r_geo,
        pg_temp.r(n, 5) as r_a1, pg_temp.r(n, 6) as r_a2, pg_temp.r(n, 7) as r_a3, pg_temp.r(n, 8) as r_nact,
        pg_temp.r(n, 9) as r_misc, pg_temp.r(n, 10) as r_lat, pg_temp.r(n, 11) as r_lon, pg_temp.r(n, 12) as r_tag, pg_temp.r(n, 13) as r_fig
    from generate_series(1, :n) n
), shaped as (
    select b.*, p.country, p.admin1, p.lat, p.lon, p.places, t.event_type, t.sub_event_type, t.label, t.violent,
        case when b.r_prec < 0.92 then 'DAY' when b.r_prec < 0.95 then 'WEEK' when b.r_prec < 0.99 then 'MONTH' else 'YEAR' end
            as date_precision
    from base b
    join g_place_slot p on p.slot = floor(b.r_place * 1000)::integer
    join g_type_slot t on t.slot = floor(b.r_type * 1000)::integer
), dated as materialized (
    select s.*,
        case s.date_precision when 'MONTH' then date_trunc('month', s.day)::date
            when 'YEAR' then date_trunc('year', s.day)::date else s.day end as start_date,
        case s.date_precision when 'WEEK' then s.day + 6
            when 'MONTH' then (date_trunc('month', s.day) + interval '1 month - 1 day')::date
            when 'YEAR' then (date_trunc('year', s.day) + interval '1 year - 1 day')::date
            else s.day + case when s.r_misc < 0.05 then 1 + floor(s.r_misc * 100)::integer else 0 end end as end_date
    from shaped s
)
select d.n, d.start_date, d.end_date, d.date_precision, d.country, d.admin1, d.event_type, d.sub_event_type, d.violent,
    pg_temp.uid(2, d.n, pg_temp.ms(d.day + time '18:00') + d.n % 1000) as id,
    d.day + time '18:00' + (d.n % 1000) * interval '1 ms' as created_at,
    d.label || ' in ' || d.places[1 + floor(d.r_geo * cardinality(d.places))::integer] || ', ' || d.admin1 as title,
    'Synthetic benchmark incident ' || d.n || ': ' || lower(d.label) || ' reported near a '
        || (array['checkpoint', 'convoy', 'market', 'border post', 'highway', 'compound', 'camp', 'school', 'mosque', 'patrol'])[1 + d.n % 10]
        || ' in ' || d.admin1 || '.' as description,
    d.places[1 + floor(d.r_geo * cardinality(d.places))::integer] as place_name,
    case when d.r_geo < 0.8 then d.places[1 + floor(d.r_geo * cardinality(d.places))::integer] end as admin2,
    round((d.lat + (d.r_lat - 0.5) * 1.6)::numeric, 4)::double precision as latitude,
    round((d.lon + (d.r_lon - 0.5) * 1.6)::numeric, 4)::double precision as longitude,
    case when d.r_geo < 0.3 then 'EXACT' when d.r_geo < 0.7 then 'NEAR' when d.r_geo < 0.9 then 'ADMIN2' else 'ADMIN1' end as geo_precision,
    case when d.r_misc < 0.45 then 'REPORTED' when d.r_misc < 0.75 then 'CORROBORATED' when d.r_misc < 0.95 then 'VERIFIED' else 'DISPUTED' end
        as verification,
    case when d.r_tag < 0.5 then '{}'::text[]
         else array[(array['cross-border', 'ied', 'drone', 'kidnapping', 'sectarian', 'border-closure', 'ttp',
            'baloch-separatists', 'islamic-state', 'refugees'])[1 + floor(d.r_tag * 20)::integer % 10]]
            || case when d.r_tag > 0.85 then array['cross-border'] else '{}'::text[] end end as tags,
    case when d.n % 5 < 2 then 'ACLED' end as external_dataset,
    case when d.n % 5 < 2 then d.country || d.n end as external_id,
    -- actors by rank: two combatants (distinct), a third from civilians or persons
    1 + floor(900 * power(d.r_a1, 3))::integer as a1,
    1 + (floor(900 * power(d.r_a2, 3))::integer + case when floor(900 * power(d.r_a2, 3))::integer = floor(900 * power(d.r_a1, 3))::integer
        then 1 else 0 end) % 900 as a2,
    case when d.r_a3 < 0.5 then 901 + floor(100 * power(d.r_a3 * 2, 2))::integer % 100
         else 1081 + floor(870 * (d.r_a3 - 0.5) * 2)::integer % 870 end as a3,
    case when d.r_nact < 0.3 then 1 when d.r_nact < 0.8 then 2 else 3 end as n_actors,
    case when d.violent then (case when d.r_fig < 0.35 then 0 when d.r_fig < 0.65 then 1 when d.r_fig < 0.85 then 2 else 3 end)
         else (case when d.r_fig < 0.9 then 0 else 1 end) end as n_figures,
    1 + (floor(5000 * (d.start_date - date '2015-01-01') / 4018.0)::integer + floor(d.r_lat * 20)::integer) % 5000 as src1,
    d.r_misc as r_misc
from dated d;
alter table g_inc add primary key (n);
analyze g_inc;

-- Curated figures: distinct (category, outcome) per incident; a few large ones.
create unlogged table g_fig as
select i.n, j as position,
    (array['SECURITY_FORCES', 'CIVILIANS', 'MILITANTS', 'UNKNOWN'])[1 + ((floor(pg_temp.r(i.n, 20) * 8)::integer + j * 3) % 8) / 2] as category,
    (array['KILLED', 'WOUNDED'])[1 + ((floor(pg_temp.r(i.n, 20) * 8)::integer + j * 3) % 8) % 2] as outcome,
    case when pg_temp.r(i.n, 21 + j) < 0.01 then 20 + floor(pg_temp.r(i.n, 31 + j) * 150)::integer
         else floor(exp(pg_temp.r(i.n, 31 + j) * 3.2))::integer - 1 end as best,
    null::integer as claimant_idx
from g_inc i
cross join lateral generate_series(0, i.n_figures - 1) j;
-- Competing claims: 8% of violent incidents carry the initiator's own (inflated) count.
insert into g_fig
select i.n, i.n_figures, 'SECURITY_FORCES', 'KILLED', 5 + floor(pg_temp.r(i.n, 40) * 40)::integer, i.a1
from g_inc i where i.violent and pg_temp.r(i.n, 41) < 0.08;
create index on g_fig (n);
analyze g_fig;

insert into incident (id, title, description, start_date, end_date, date_precision, event_type, sub_event_type, place_name,
    admin1, admin2, country, latitude, longitude, geo_precision, verification, tags, external_dataset, external_id,
    fatalities, wounded, version, created_at, updated_at)
select i.id, i.title, i.description, i.start_date, i.end_date, i.date_precision, i.event_type, i.sub_event_type, i.place_name,
    i.admin1, i.admin2, i.country, i.latitude, i.longitude, i.geo_precision, i.verification, i.tags, i.external_dataset,
    -- no curated figure of an outcome: not reported (null), as the aggregate writes it
    i.external_id, f.killed, f.wounded, 0, i.created_at, i.created_at
from g_inc i
left join (select n, sum(best) filter (where outcome = 'KILLED') as killed, sum(best) filter (where outcome = 'WOUNDED') as wounded
        from g_fig where claimant_idx is null group by n) f on f.n = i.n
order by i.n;

insert into casualty_figure (incident_id, position, category, outcome, low, best, high, side_actor_id, claimant_actor_id,
    source_id, note)
select i.id, f.position, f.category, f.outcome,
    case when f.best > 2 then floor(f.best * 0.7)::integer end, f.best,
    case when f.best > 2 then ceil(f.best * 1.4)::integer end,
    case when f.category = 'SECURITY_FORCES' and f.claimant_idx is null then sa.id end,
    ca.id, case when f.position % 2 = 0 then s.id end,
    case when f.claimant_idx is not null then 'Claimed by the initiator' end
from g_fig f
join g_inc i on i.n = f.n
left join g_actor sa on sa.idx = i.a2 and sa.idx <= 60
left join g_actor ca on ca.idx = f.claimant_idx
join g_source s on s.idx = i.src1
order by f.n, f.position;

insert into incident_actor (incident_id, position, actor_id, role)
select i.id, p.position, a.id, (array['INITIATOR', 'TARGET', 'PARTICIPANT'])[p.position + 1]
from g_inc i
cross join lateral (values (0, i.a1), (1, i.a2), (2, i.a3)) p(position, idx)
join g_actor a on a.idx = p.idx
where p.position < i.n_actors
order by i.n, p.position;

insert into incident_source (incident_id, source_id)
select i.id, s.id
from g_inc i
cross join lateral (values (i.src1), (1 + (i.src1 + 7) % 5000)) p(idx)
join g_source s on s.idx = p.idx
where p.idx = i.src1 or i.r_misc < 0.4
order by i.n;

-- Claims of responsibility (10% of violent incidents), and accusations met with a denial (6%).
insert into incident_claim (incident_id, position, actor_id, stance, accused_actor_id, claimed_on, statement, source_id)
select i.id, c.position, a.id, c.stance, acc.id, i.start_date + c.position, c.statement, s.id
from g_inc i
cross join lateral (values
    (0, i.a1, 'CLAIMS_RESPONSIBILITY', null::integer, 'Claimed the attack in a statement', pg_temp.r(i.n, 50) < 0.10),
    (0, 1001 + (i.n % 2), 'ACCUSES', i.a1, 'Blamed the attack on the group', pg_temp.r(i.n, 50) between 0.10 and 0.16),
    (1, i.a1, 'DENIES', null::integer, 'Denied any involvement', pg_temp.r(i.n, 50) between 0.10 and 0.16))
    c(position, actor_idx, stance, accused_idx, statement, included)
join g_actor a on a.idx = c.actor_idx
left join g_actor acc on acc.idx = c.accused_idx
join g_source s on s.idx = i.src1
where i.violent and c.included
order by i.n, c.position;

-- ---------------------------------------------------------------------------------------------
-- Negotiations (50) and their talks rounds (10 each, 500), with delegations and mediators.
create temp table g_neg as
select k, pg_temp.uid(4, k, pg_temp.ms(timestamptz '2015-01-01' + (k * 80) * interval '1 day')) as id,
    date '2015-01-01' + k * 75 as started_on,
    1 + k % 10 as party_a, 1001 + (k % 4) as party_b
from generate_series(1, 50) k;
insert into negotiation (id, name, description, version, created_at, updated_at)
select id, (array['Pakistan-Afghanistan border talks', 'Kurram peace jirga', 'TTP reconciliation talks', 'Quadrilateral coordination',
        'Kashmir line of control talks', 'Pakistan-Iran border commission'])[1 + k % 6] || ' ' || k,
    'Synthetic benchmark negotiation ' || k, 0, started_on + time '09:00', started_on + time '09:00'
from g_neg order by k;
insert into negotiation_party (negotiation_id, actor_id)
select g.id, a.id from g_neg g join g_actor a on a.idx in (g.party_a, g.party_b);
insert into negotiation_mediator (negotiation_id, position, actor_id, role)
select g.id, m.position, a.id, m.role
from g_neg g
cross join lateral (values (0, 1005 + g.k % 2, 'MEDIATOR'), (1, 1006 - g.k % 2, 'FACILITATOR')) m(position, idx, role)
join g_actor a on a.idx = m.idx
where m.position = 0 or g.k % 3 = 0;
insert into negotiation_source (negotiation_id, source_id)
select g.id, s.id from g_neg g join g_source s on s.idx = 1 + (g.k * 97) % 5000;

create temp table g_round as
select g.k, r as round_number, g.id as negotiation_id, g.party_a, g.party_b,
    pg_temp.uid(5, g.k * 100 + r, pg_temp.ms((g.started_on + (r - 1) * 45) + time '08:00')) as id,
    g.started_on + (r - 1) * 45 as start_date
from g_neg g cross join generate_series(1, 10) r;
analyze g_neg, g_round;
insert into talks_round (id, negotiation_id, round_number, venue_city, venue_country, start_date, end_date, date_precision,
    status, agenda_items, outcome, version, created_at, updated_at)
select r.id, r.negotiation_id, r.round_number, v.city, v.country, r.start_date,
    case when r.start_date <= date '2025-12-31' then r.start_date + (r.k + r.round_number) % 3 end, 'DAY',
    case when r.start_date > date '2025-12-31' then 'SCHEDULED'
         when (r.k + r.round_number) % 11 = 0 then 'COLLAPSED'
         when (r.k + r.round_number) % 7 = 0 then 'SUSPENDED' else 'CONCLUDED' end,
    array['Cross-border attacks', 'Border crossings and trade'] || case when r.round_number % 2 = 0 then array['Refugee returns'] else '{}' end,
    case when r.start_date <= date '2025-12-31' then 'Parties agreed to meet again' end,
    0, r.start_date - 7 + time '10:00', r.start_date - 7 + time '10:00'
from g_round r
join (values (0, 'Istanbul', 'TUR'), (1, 'Doha', 'QAT'), (2, 'Kabul', 'AFG'), (3, 'Islamabad', 'PAK'), (4, 'Beijing', 'CHN'))
    as v(k, city, country) on v.k = (r.k + r.round_number) % 5
order by r.start_date, r.id;
create temp table g_delegation as
select r.id as round_id, d.position, r.k, r.round_number, d.party_idx,
    pg_temp.uid(6, (r.k * 100 + r.round_number) * 2 + d.position, pg_temp.ms(r.start_date - 7 + time '10:00')) as id
from g_round r cross join lateral (values (0, r.party_a), (1, r.party_b)) d(position, party_idx);
analyze g_delegation;
insert into talks_delegation (id, talks_round_id, position, party_actor_id, head_actor_id, note)
select d.id, d.round_id, d.position, p.id, h.id, case when d.position = 0 and d.round_number % 4 = 0 then 'Not publicly confirmed' end
from g_delegation d
join g_actor p on p.idx = d.party_idx
join g_actor h on h.idx = 1081 + ((d.k * 37 + d.position * 11 + d.round_number) % 870);
insert into talks_delegation_member (delegation_id, position, actor_id)
select d.id, m, a.id
from g_delegation d
cross join generate_series(0, 2) m
join g_actor a on a.idx = 1081 + ((d.k * 37 + d.position * 11 + d.round_number + 100 + m * 7) % 870)
where m < (d.k + d.round_number) % 4;
insert into talks_round_mediator (talks_round_id, position, actor_id, role)
select r.id, m.position, a.id, m.role
from g_round r
cross join lateral (values (0, 1005, 'MEDIATOR'), (1, 1006, 'HOST')) m(position, idx, role)
join g_actor a on a.idx = m.idx
where m.position = 0 or r.round_number % 2 = 0;
insert into talks_round_source (talks_round_id, source_id)
select r.id, s.id from g_round r join g_source s on s.idx = 1 + ((r.start_date - date '2015-01-01') * 5000 / 4018) % 5000;

-- ---------------------------------------------------------------------------------------------
-- Ceasefires (500): parties, mediators, sources, violations. Status follows the dates.
create temp table g_cf as
select c, pg_temp.uid(7, c, pg_temp.ms(timestamptz '2015-01-01' + ((c * 8) % 4018) * interval '1 day')) as id,
    date '2015-01-01' + (c * 8) % 4000 as agreed_on,
    pg_temp.r(c, 60) as r_status, 1 + floor(400 * pg_temp.r(c, 61))::integer as length_days,
    1 + floor(60 * power(pg_temp.r(c, 62), 2))::integer as party_a, 1 + (c * 13) % 900 as party_b
from generate_series(1, 500) c;
create temp table g_cf2 as
select g.*,
    case when g.r_status < 0.1 then null else g.agreed_on + (g.c % 3) end as effective_from,
    case when g.r_status < 0.1 then 'PROPOSED'
         when g.r_status < 0.3 or g.agreed_on + (g.c % 3) + g.length_days > date '2025-12-31' then 'IN_EFFECT'
         when g.r_status < 0.65 then 'COLLAPSED' when g.r_status < 0.85 then 'EXPIRED' else 'TERMINATED' end as status
from g_cf g;
analyze g_cf2;
insert into ceasefire (id, name, arrangement, form, agreed_on, effective_from, ended_on, date_precision, status, ended_by_actor_id,
    end_reason, terms, scope, talks_round_id, version, created_at, updated_at)
select g.id, (array['Border ceasefire', 'Kurram truce', 'Eid ceasefire', 'Line of control understanding', 'Tribal truce'])[1 + g.c % 5]
        || ' ' || g.c,
    case when g.party_b = g.party_a then 'UNILATERAL' when g.c % 7 = 0 then 'MULTILATERAL' when g.c % 4 = 0 then 'UNILATERAL' else 'BILATERAL' end,
    case when g.c % 3 = 0 then 'VERBAL' else 'WRITTEN' end,
    g.agreed_on, g.effective_from,
    case when g.status in ('COLLAPSED', 'EXPIRED', 'TERMINATED') then g.effective_from + g.length_days end,
    'DAY', g.status,
    case when g.status in ('COLLAPSED', 'TERMINATED') then pa.id end,
    case when g.status = 'COLLAPSED' then 'Accused the other side of violations' when g.status = 'TERMINATED' then 'Ended unilaterally' end,
    'Halt to cross-border fire; exchange of prisoners', (array['Whole border', 'Kurram district', 'Line of control', 'Chaman sector'])[1 + g.c % 4],
    case when g.c % 5 = 0 then r.id end,
    0, g.agreed_on + time '20:00', g.agreed_on + time '20:00'
from g_cf2 g
join g_actor pa on pa.idx = g.party_a
left join g_round r on r.k = 1 + g.c % 50 and r.round_number = 1 + g.c % 10
order by g.agreed_on, g.id;
insert into ceasefire_party (ceasefire_id, actor_id)
select distinct g.id, a.id
from g_cf2 g cross join lateral (values (g.party_a), (g.party_b), (case when g.c % 7 = 0 then 1001 + g.c % 4 end)) p(idx)
join g_actor a on a.idx = p.idx;
insert into ceasefire_mediator (ceasefire_id, position, actor_id, role)
select g.id, m.position, a.id, m.role
from g_cf2 g
cross join lateral (values (0, 1005 + g.c % 2, 'MEDIATOR'), (1, 1061 + g.c % 5, 'MONITOR')) m(position, idx, role)
join g_actor a on a.idx = m.idx
where g.c % 3 <> 0 and (m.position = 0 or g.c % 2 = 0);
insert into ceasefire_source (ceasefire_id, source_id)
select g.id, s.id from g_cf2 g join g_source s on s.idx = 1 + ((g.agreed_on - date '2015-01-01') * 5000 / 4018) % 5000;
-- Violations: up to 4 incidents dated inside each ceasefire that collapsed (incidents are in
-- date order, so the inverse of the date formula finds the incidents of a day).
insert into ceasefire_violation (id, ceasefire_id, incident_id, alleged_by_actor_id, note, created_at)
select pg_temp.uid(8, g.c * 10 + v, pg_temp.ms(g.effective_from + time '12:00')), g.id, i.id, pb.id, 'Alleged breach',
    g.effective_from + time '12:00'
from g_cf2 g
cross join generate_series(0, 3) v
join g_inc i on i.n = least(:n, greatest(1, floor(:n * power(((g.effective_from + 1 - date '2015-01-01') + 0.5)::double precision / 4018.0, 1.25))::bigint + v * 3))
join g_actor pb on pb.idx = g.party_b
where g.status = 'COLLAPSED'
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------
-- Border crossings (40) and their status history (500 changes each, 20,000).
create temp table g_crossing as
select x, pg_temp.uid(9, x, pg_temp.ms(timestamptz '2014-12-15' + x * interval '1 hour')) as id,
    coalesce(n.name, 'Border crossing point ' || x) as name, coalesce(n.a, (array['PAK', 'PAK', 'AFG', 'IND'])[1 + x % 4]) as country_a,
    coalesce(n.b, (array['AFG', 'IRN', 'IRN', 'PAK'])[1 + x % 4]) as country_b, coalesce(n.lat, 31 + (x % 9) * 0.6) as lat,
    coalesce(n.lon, 62 + (x % 13) * 0.9) as lon
from generate_series(1, 40) x
left join (values (1, 'Torkham', 'PAK', 'AFG', 34.1326, 71.0806), (2, 'Chaman', 'PAK', 'AFG', 30.9236, 66.4499),
        (3, 'Ghulam Khan', 'PAK', 'AFG', 33.1667, 70.0167), (4, 'Angoor Adda', 'PAK', 'AFG', 32.4333, 69.3333),
        (5, 'Kharlachi', 'PAK', 'AFG', 33.8839, 69.9236), (6, 'Badini', 'PAK', 'AFG', 31.1667, 68.8667),
        (7, 'Nawa Pass', 'PAK', 'AFG', 34.6833, 71.3), (8, 'Arandu', 'PAK', 'AFG', 35.35, 71.5667),
        (9, 'Wagah-Attari', 'PAK', 'IND', 31.6047, 74.5728), (10, 'Kartarpur Corridor', 'PAK', 'IND', 32.0867, 75.0164),
        (11, 'Taftan', 'PAK', 'IRN', 29.0, 61.5667), (12, 'Gabd-Rimdan', 'PAK', 'IRN', 25.1667, 61.6),
        (13, 'Mand-Pishin', 'PAK', 'IRN', 26.2, 61.95), (14, 'Islam Qala', 'AFG', 'IRN', 34.6667, 61.0667),
        (15, 'Milak', 'AFG', 'IRN', 31.0333, 61.5833), (16, 'Abu Nasr Farahi', 'AFG', 'IRN', 32.35, 60.9))
    as n(k, name, a, b, lat, lon) on n.k = x;
analyze g_crossing;
insert into border_crossing (id, name, alternate_names, country_a, country_b, latitude, longitude, kind, description, version,
    created_at, updated_at)
select id, name, case when x = 1 then array['Torkham Gate'] when x = 2 then array['Spin Boldak', 'Friendship Gate'] else '{}' end,
    country_a, country_b, lat, lon, (array['ROAD', 'MIXED', 'PEDESTRIAN', 'RAIL'])[1 + x % 4], 'Synthetic benchmark crossing ' || x,
    0, timestamptz '2014-12-15' + x * interval '1 hour', timestamptz '2014-12-15' + x * interval '1 hour'
from g_crossing order by x;
insert into crossing_source (crossing_id, source_id)
select c.id, s.id from g_crossing c join g_source s on s.idx = c.x * 11;

create unlogged table g_change as
select c.x, c.id as crossing_id, j,
    timestamptz '2015-01-01' + (j * 8) * interval '1 day' + ((c.x * 7 + j * 13) % 20) * interval '1 hour' as effective_from,
    case when pg_temp.r(c.x * 1000 + j, 70) < 0.6 then 'OPEN' when pg_temp.r(c.x * 1000 + j, 70) < 0.85 then 'PARTIALLY_OPEN'
         else 'CLOSED' end as status,
    pg_temp.r(c.x * 1000 + j, 71) as r_traffic, c.country_a
from g_crossing c cross join generate_series(0, 499) j;
analyze g_change;
insert into crossing_status_change (id, crossing_id, effective_from, date_precision, status, allowed_traffic, decided_by_actor_id,
    reason, cause_incident_id, version, created_at, updated_at)
select pg_temp.uid(10, g.x * 1000 + g.j, pg_temp.ms(g.effective_from)), g.crossing_id, g.effective_from,
    case when g.j % 10 = 0 then 'WEEK' else 'DAY' end, g.status,
    case g.status when 'OPEN' then array['TRADE', 'PASSENGERS', 'PEDESTRIANS']
        when 'PARTIALLY_OPEN' then case floor(g.r_traffic * 3)::integer when 0 then array['REFUGEES_RETURNING', 'HUMANITARIAN']
            when 1 then array['TRADE', 'DIPLOMATIC'] else array['PEDESTRIANS', 'PASSENGERS'] end
        else '{}'::text[] end,
    a.id,
    case g.status when 'CLOSED' then 'Security situation after attacks on convoys' when 'PARTIALLY_OPEN' then 'Partial reopening'
        else 'Reopened' end,
    case when g.status = 'CLOSED' and g.r_traffic < 0.5 then i.id end,
    0, g.effective_from, g.effective_from
from g_change g
join g_actor a on a.idx = case g.country_a when 'PAK' then 1 when 'AFG' then 4 when 'IND' then 8 else 10 end
left join g_inc i on i.n = least(:n, greatest(1, floor(:n * power(((g.effective_from::date - date '2015-01-01') + 0.5)::double precision / 4018.0, 1.25))::bigint))
order by g.effective_from, g.x;
insert into crossing_status_change_source (status_change_id, source_id)
select pg_temp.uid(10, g.x * 1000 + g.j, pg_temp.ms(g.effective_from)), s.id
from g_change g join g_source s on s.idx = 1 + ((g.effective_from::date - date '2015-01-01') * 5000 / 4018 + g.x) % 5000
where g.j % 2 = 0;

-- ---------------------------------------------------------------------------------------------
do $$
declare
    saved record;
begin
    for saved in select def from g_saved_index loop
        execute saved.def;
    end loop;
end $$;
drop table g_saved_index;

alter table incident enable trigger incident_daily_rollup_insert;
alter table casualty_figure enable trigger incident_daily_rollup_casualty_insert;
alter table incident_actor enable trigger incident_daily_rollup_actor_insert;
select incident_daily_rollup_rebuild();
select timeline_insert_triggers(true);
select timeline_rebuild();

drop table g_inc, g_fig, g_change;
analyze;

select (select count(*) from incident) as incidents, (select count(*) from casualty_figure) as casualty_figures,
    (select count(*) from incident_actor) as incident_actors, (select count(*) from incident_claim) as claims,
    (select count(*) from actor) as actors, (select count(*) from source) as sources,
    (select count(*) from ceasefire) as ceasefires, (select count(*) from talks_round) as talks_rounds,
    (select count(*) from crossing_status_change) as crossing_changes,
    (select count(*) from incident_daily_rollup) as rollup_rows,
    (select count(*) from timeline_entry) as timeline_entries;
