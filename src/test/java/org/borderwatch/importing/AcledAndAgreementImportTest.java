package org.borderwatch.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACLED's layouts (2020-era, current without actor2, a subset without event ids) and the
 * peace-agreement datasets (UCDP, PA-X) through the engine.
 */
class AcledAndAgreementImportTest extends IntegrationTest {

	@Autowired
	private ImportEngine engine;

	@Autowired
	private JdbcClient jdbc;

	private String p;

	@BeforeEach
	void setUp() {
		this.p = "a" + UUID.randomUUID().toString().substring(0, 8);
	}

	private ImportReport importText(ImportFormat format, String text) {
		return this.engine.run(
				new ImportOptions(UUID.randomUUID(), format, "fixture.csv", null, false, OnConflict.KEEP, "importer"),
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ImportProgress.NONE);
	}

	private Map<String, Object> incident(String dataset, String id) {
		return this.jdbc.sql("select * from incident where external_dataset = :d and external_id = :id")
			.param("d", dataset)
			.param("id", id)
			.query()
			.singleRow();
	}

	private List<String> actorKinds(Object incidentId) {
		return this.jdbc.sql("""
				select a.kind || '/' || ia.role from incident_actor ia join actor a on a.id = ia.actor_id
				where ia.incident_id = :id order by ia.position""").param("id", incidentId).query(String.class).list();
	}

	@Test
	void readsThe2020LayoutWithNumericInterCodesAndFullMonthDates() {
		String file = """
				data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3
				1,4,%1$s1,1,"21 March 2020",2020,1,Battles,"Armed clash",Taliban %1$s,,2,"Military Forces of Afghanistan %1$s",,1,12,"Caucasus and Central Asia",Afghanistan,Balkh,"Dawlat Abad",,"Dawlat Abad",36.9882,66.8207,2,"Xinhua; Khaama Press",National,"12 militants were killed.",12,1584984341,AFG
				2,4,%1$s2,2,"21 March 2020",2020,1,"Violence against civilians",Attack,"Unidentified Armed Group %1$s",,3,"Civilians %1$s","Teachers %1$s",7,37,"Caucasus and Central Asia",Afghanistan,Kabul,Kabul,,Kabul,34.5167,69.1833,1,"Pajhwok Afghan News",National,"A teacher was killed.",1,1584984341,AFG
				3,4,%1$s3,3,"32 March 2020",2020,1,Battles,"Armed clash",Taliban %1$s,,2,,,,,"Caucasus and Central Asia",Afghanistan,Kabul,Kabul,,Kabul,34.5,69.1,1,X,National,"bad date",0,1584984341,AFG
				4,4,%1$s4,4,"21 March 2020",2020,1,Battles,"Air/drone strike",Taliban %1$s,,2,,,,,"Caucasus and Central Asia",Afghanistan,Kabul,Kabul,,Kabul,34.5,69.1,1,X,National,"wrong sub-type",0,1584984341,AFG
				"""
			.formatted(this.p);

		ImportReport report = importText(ImportFormat.ACLED, file);

		assertThat(report.created()).isEqualTo(2);
		assertThat(report.rejectedRows()).extracting(RejectedRow::line).containsExactly(4L, 5L);
		assertThat(report.rejectedRows()).extracting(RejectedRow::column)
			.containsExactly("event_date", "sub_event_type");
		Map<String, Object> battle = incident("ACLED", this.p + "1");
		assertThat(battle).containsEntry("start_date", java.sql.Date.valueOf("2020-03-21"))
			.containsEntry("country", "AFG")
			.containsEntry("fatalities", 12)
			.containsEntry("description", "12 militants were killed.");
		assertThat(actorKinds(battle.get("id"))).containsExactly("NON_STATE_ARMED_GROUP/PARTICIPANT",
				"STATE_FORCES/PARTICIPANT");
		assertThat(actorKinds(incident("ACLED", this.p + "2").get("id")))
			.containsExactly("NON_STATE_ARMED_GROUP/INITIATOR", "CIVILIANS/TARGET", "OTHER/PARTICIPANT");
		assertThat(this.jdbc.sql("""
				select count(*) from incident_source x join source s on s.id = x.source_id
				where x.incident_id = :id and s.kind <> 'DATASET'""")
			.param("id", battle.get("id"))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void readsTheCurrentLayoutWithoutActor2MergingTheRowsOfOneEventAndKeepsTags() {
		String file = """
				event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\r
				%1$s1,5-Aug-24,2024,1,Political violence; Demonstrations,Riots,Mob violence,Rioters %1$s,,Rioters,Rioters only,Civilian targeting,50,South Asia,Bangladesh,Rangpur,Rangpur,Taraganj,Taraganj,25.79,89.04,1,Prothom Alo,National,"On 5 August 2024,
				rioters attacked.",0,crowd size=no report; local administrators,1723576772\r
				%1$s1,5-Aug-24,2024,1,Political violence; Demonstrations,Riots,Mob violence,Civilians %1$s,Hindu Group %1$s,Civilians,Rioters-Civilians,Civilian targeting,50,South Asia,Bangladesh,Rangpur,Rangpur,Taraganj,Taraganj,25.79,89.04,1,Prothom Alo,National,"The same event, seen from its target.",0,crowd size=no report,1723576772\r
				"""
			.formatted(this.p);

		ImportReport report = importText(ImportFormat.ACLED, file);

		assertThat(report.created()).as(report.rejectedRows().toString()).isEqualTo(1);
		assertThat(report.rejected()).isZero();
		assertThat(report.skipped()).as("merged into the first row of the event").isEqualTo(1);
		Map<String, Object> riot = incident("ACLED", this.p + "1");
		assertThat(actorKinds(riot.get("id"))).containsExactly("OTHER/INITIATOR", "CIVILIANS/TARGET",
				"OTHER/PARTICIPANT");
		assertThat(riot).containsEntry("start_date", java.sql.Date.valueOf("2024-08-05"))
			.containsEntry("country", "BGD")
			.containsEntry("event_type", "RIOTS")
			.containsEntry("fatalities", 0);
		assertThat(this.jdbc.sql("select array_to_string(tags, '|') from incident where id = :id")
			.param("id", riot.get("id"))
			.query(String.class)
			.single())
			.isEqualTo("crowd size=no report|local administrators|disorder: Political violence|"
					+ "disorder: Demonstrations|civilian targeting");
		assertThat(this.jdbc.sql("select count(*) from casualty_figure where incident_id = :id and best = 0")
			.param("id", riot.get("id"))
			.query(Long.class)
			.single()).as("an explicit 0 is a figure").isEqualTo(1);
	}

	@Test
	void derivesAStableKeyWhenTheFileHasNoEventIdsAndSaysSo() {
		String file = """
				event_date,year,event_type,sub_event_type,actor1,actor2,interaction,admin1,admin2,location,latitude,longitude,fatalities,civilian_targeting,notes,month
				2024-12-31,2024,Battles,Armed clash,BLF %1$s,Militia (Pro-Government),Rebel group-Political militia,Balochistan,Kech,Buleda,26.3091,63.1537,1,,"A %1$s clash",2024-12
				2024-12-30,2024,Explosions/Remote violence,Remote explosive/landmine/IED,BRG %1$s,Police Forces of Pakistan (2022-),State forces-Rebel group,Balochistan,Jhal Magsi,Jhal Magsi,28.4839,67.5874,3,,"An %1$s IED",2024-12
				"""
			.formatted(this.p);

		ImportReport first = importText(ImportFormat.ACLED, file);
		ImportReport again = importText(ImportFormat.ACLED, file);

		assertThat(first.created()).isEqualTo(2);
		assertThat(first.notes()).singleElement().asString().contains("no event_id_cnty");
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.created()).isZero();
	}

	@Test
	void importsUcdpAgreementsWithACeasefireAsCeasefiresWithPartiesAndEnd() {
		String file = """
				paid,region,gwno,conflict_id,conflict_name,dyad_id,dyad_name,actor_id,actor_name,incompatibility,pa_name,year,pa_date,pa_comment,pa_sign,c_sign,pa_3rd,c_3rd,ended,duration,c_duration,cease,ref ,return ,linktofulltextagreement,version,
				%1$s1,3,700,333,Afghanistan: Government,"729, 726","Government of Afghanistan - Hizb-i Islami","%1$s130, %1$s299, %1$s130","Government of Afghanistan %1$s, Hizb-i Islami %1$s, Government of Afghanistan %1$s",2,Islamabad accord %1$s,1993,1993-03-07,"A comment
				over two lines",,,,,True,1993-05-12,,1,,,,22.1,
				%1$s2,3,700,333,Afghanistan: Government,729,x,%1$s130,Government of Afghanistan %1$s,2,Peshawar Accord %1$s,1992,1992-04-24,,,,,,,,,0,,,,22.1,
				%1$s3,3,700,333,Afghanistan: Government,729,x,"%1$s130, %1$s131",Government of Afghanistan %1$s,2,Mismatched %1$s,1992,1992-04-24,,,,,,,,,1,,,,22.1,
				"""
			.formatted(this.p);

		ImportReport report = importText(ImportFormat.UCDP_PEACE_AGREEMENTS, file);

		assertThat(report.created()).isEqualTo(1);
		assertThat(report.skipped()).isEqualTo(1);
		assertThat(report.rejectedRows()).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(5);
			assertThat(row.column()).isEqualTo("actor_name");
		});
		Map<String, Object> ceasefire = this.jdbc
			.sql("select * from ceasefire where external_dataset = 'UCDP-PA' and external_id = :id")
			.param("id", this.p + "1")
			.query()
			.singleRow();
		assertThat(ceasefire).containsEntry("status", "TERMINATED")
			.containsEntry("arrangement", "BILATERAL")
			.containsEntry("agreed_on", java.sql.Date.valueOf("1993-03-07"))
			.containsEntry("ended_on", java.sql.Date.valueOf("1993-05-12"));
		assertThat(this.jdbc.sql("""
				select a.kind from ceasefire_party cp join actor a on a.id = cp.actor_id
				where cp.ceasefire_id = :id order by a.kind""")
			.param("id", ceasefire.get("id"))
			.query(String.class)
			.list()).containsExactly("GOVERNMENT", "NON_STATE_ARMED_GROUP");
		assertThat(importText(ImportFormat.UCDP_PEACE_AGREEMENTS, file).unchanged()).isEqualTo(1);
	}

	@Test
	void importsPaxCeasefireAgreementsFromABomFileAndTellsSameNamesApart() {
		String file = "\uFEFF"
				+ """
						Con,Contp,PP,PPName,Reg,AgtId,Ver,Agt,Dat,Status,Lgt,N_characters,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr,Ce\r
						Afghanistan %1$s/Pakistan %1$s,Interstate,1,x,Asia,%1$s1,1,Ceasefire %1$s,2007-08-12,Signed,1,1,Inter,Cea,x,"Signed by:\r
						the two governments",NA,NA,2\r
						Pakistan %1$s,Intrastate,1,x,Asia,%1$s2,1,Ceasefire %1$s,2008-02-01,Signed,1,1,Intra,SubPar,x,NA,NA,NA,1\r
						Pakistan %1$s,Intrastate,1,x,Asia,%1$s3,1,Talks %1$s,2008-02-01,Signed,1,1,Intra,Pre,x,NA,NA,NA,0\r
						"""
					.formatted(this.p);

		ImportReport report = importText(ImportFormat.PAX, file);

		assertThat(report.created()).as(report.rejectedRows().toString()).isEqualTo(2);
		assertThat(report.skipped()).isEqualTo(1);
		List<Map<String, Object>> ceasefires = this.jdbc.sql("""
				select name, arrangement, terms from ceasefire where external_dataset = 'PA-X' and external_id like :p
				order by external_id""").param("p", this.p + "%").query().listOfRows();
		assertThat(ceasefires).extracting((row) -> row.get("name"))
			.containsExactly("Ceasefire " + this.p + " (PA-X " + this.p + "1)",
					"Ceasefire " + this.p + " (PA-X " + this.p + "2)");
		assertThat(ceasefires.get(0)).containsEntry("arrangement", "BILATERAL");
		assertThat((String) ceasefires.get(0).get("terms")).startsWith("Signatories: Signed by:");
	}

	@Test
	void storesAgreementsWhoseEndIsNotRecordedAsUnknownWithoutEndDate() {
		String ucdp = """
				paid,conflict_name,actor_id,actor_name,pa_name,pa_date,ended,duration,cease,
				%1$s7,Afghanistan: Government,%1$s130,Government of Afghanistan %1$s,Still holding %1$s,1995-01-02,False,,1,
				%1$s8,Afghanistan: Government,%1$s130,Government of Afghanistan %1$s,Nobody knows %1$s,1996-01-02,,,1,
				"""
			.formatted(this.p);
		String pax = """
				Con,Contp,PP,PPName,Reg,AgtId,Ver,Agt,Dat,Status,Lgt,N_characters,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr,Ce
				Pakistan %1$s,Intrastate,1,x,Asia,%1$s9,1,Truce %1$s,2009-02-01,Signed,1,1,Intra,Cea,x,NA,NA,NA,1
				"""
			.formatted(this.p);

		assertThat(importText(ImportFormat.UCDP_PEACE_AGREEMENTS, ucdp).created()).isEqualTo(2);
		assertThat(importText(ImportFormat.PAX, pax).created()).isEqualTo(1);

		assertThat(this.jdbc.sql("""
				select external_id || ' ' || status || ' ' || coalesce(ended_on::text, 'no end') from ceasefire
				where external_id in (:ids) order by external_id""")
			.param("ids", List.of(this.p + "7", this.p + "8", this.p + "9"))
			.query(String.class)
			.list())
			.containsExactly(this.p + "7 IN_EFFECT no end", this.p + "8 UNKNOWN no end", this.p + "9 UNKNOWN no end");
	}

}
