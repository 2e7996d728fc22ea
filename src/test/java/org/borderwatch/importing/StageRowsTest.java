package org.borderwatch.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.borderwatch.actor.ActorKind;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.incident.ActorRole;
import org.borderwatch.incident.CasualtyCategory;
import org.borderwatch.incident.EventType;
import org.borderwatch.incident.GeoPrecision;
import org.borderwatch.incident.SubEventType;
import org.borderwatch.source.SourceKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staged text of a row is what its hash covers: the next import of an unchanged row
 * must stage the very same text, or every record it wrote would count as updated.
 */
class StageRowsTest {

	@Test
	void stagesARowAsTheTextItsHashWasTakenOf() {
		StagedIncident incident = new StagedIncident(7, "ged-1", "Government of Pakistan - TTP: Wana",
				"near \"the\" bazaar\tand\\more", LocalDate.of(1990, 10, 4), LocalDate.of(1990, 10, 5),
				DatePrecision.DAY, EventType.BATTLES, SubEventType.ARMED_CLASH, "Wana", "Khyber Pakhtunkhwa", null,
				"PAK", 32.3, 69.57, GeoPrecision.EXACT, List.of("conflict: Pakistan: Government"),
				List.of(new StagedIncident.Party("123", "Government of Pakistan", ActorKind.GOVERNMENT,
						ActorRole.PARTICIPANT),
						new StagedIncident.Party("456", "TTP", ActorKind.NON_STATE_ARMED_GROUP, ActorRole.PARTICIPANT)),
				List.of(new StagedIncident.Figure(CasualtyCategory.SECURITY_FORCES, "KILLED", 2, 3, 4, "123"),
						new StagedIncident.Figure(CasualtyCategory.CIVILIANS, "KILLED", null, 0, null, null)),
				List.of(new StagedIncident.Cited("Dawn", "Clash in Wana", SourceKind.NEWS_AGENCY, null)));

		String staged = ImportEngine.StageRows.incident(incident);

		String fields = String.join("\t", "ged-1", "Government of Pakistan - TTP: Wana",
				"near \"the\" bazaar\\tand\\\\more", "1990-10-04", "1990-10-05", "DAY", "BATTLES", "ARMED_CLASH",
				"Wana", "Khyber Pakhtunkhwa", "\\N", "PAK", "32.3", "69.57", "EXACT", "3",
				"[\"conflict: Pakistan: Government\"]",
				"[{\"key\":\"123\",\"name\":\"Government of Pakistan\",\"kind\":\"GOVERNMENT\",\"role\":\"PARTICIPANT\"},"
						+ "{\"key\":\"456\",\"name\":\"TTP\",\"kind\":\"NON_STATE_ARMED_GROUP\",\"role\":\"PARTICIPANT\"}]",
				"[{\"category\":\"SECURITY_FORCES\",\"outcome\":\"KILLED\",\"low\":2,\"best\":3,\"high\":4,\"side\":\"123\"},"
						+ "{\"category\":\"CIVILIANS\",\"outcome\":\"KILLED\",\"low\":null,\"best\":0,\"high\":null,\"side\":null}]",
				"[{\"publisher\":\"Dawn\",\"title\":\"Clash in Wana\",\"kind\":\"NEWS_AGENCY\",\"url\":null}]");
		assertThat(staged).isEqualTo("7\t" + sha1(fields) + "\t" + fields + "\n");
	}

	private static String sha1(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
