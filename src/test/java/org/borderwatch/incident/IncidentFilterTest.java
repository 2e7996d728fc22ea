package org.borderwatch.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.borderwatch.common.BoundingBox;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.SqlFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentFilterTest {

	/** The query a request with these parameter name/value pairs binds to. */
	private static IncidentQuery params(String... pairs) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			params.add(pairs[i], pairs[i + 1]);
		}
		return new IncidentQuery(params.getFirst("from"), params.getFirst("to"), params.get("country"),
				params.get("admin1"), params.get("type"), params.get("subType"), params.get("actor"),
				params.get("actorRole"), params.get("claimedBy"), params.getFirst("minFatalities"),
				params.get("verification"), params.get("tag"), params.getFirst("bbox"), params.getFirst("q"),
				params.getFirst("near"));
	}

	@Test
	void noParametersSelectEverything() {
		SqlFilter sql = IncidentFilter.parse(params("limit", "10", "interval", "month")).toSql();

		assertThat(sql.where()).isEmpty();
		assertThat(sql.params()).isEmpty();
		assertThat(IncidentFilter.none().toSql().where()).isEmpty();
	}

	@Test
	void readsRepeatedAndCommaSeparatedValuesAsOneList() {
		UUID ttp = UUID.randomUUID();
		IncidentFilter filter = IncidentFilter.parse(params("country", "pak, AFG", "country", "IRN", "type", "battles",
				"actor", ttp.toString(), "tag", "a,b", "from", "2025-10-01", "bbox", "60,29,75,38.5", "q", " kabul "));

		assertThat(filter.countries()).containsExactly("PAK", "AFG", "IRN");
		assertThat(filter.types()).containsExactly(EventType.BATTLES);
		assertThat(filter.actors()).containsExactly(ttp);
		assertThat(filter.tags()).containsExactly("a", "b");
		assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 10, 1));
		assertThat(filter.bbox()).isEqualTo(new BoundingBox(60, 29, 75, 38.5));
		assertThat(filter.q()).isEqualTo("kabul");
	}

	@Test
	void turnsEveryFilterIntoConditionsOverAliasI() {
		IncidentFilter filter = IncidentFilter.parse(params("from", "2025-10-01", "to", "2025-10-31", "country", "PAK",
				"admin1", "Kurram", "type", "BATTLES", "subType", "ARMED_CLASH", "actor", UUID.randomUUID().toString(),
				"actorRole", "TARGET", "claimedBy", UUID.randomUUID().toString(), "minFatalities", "5", "verification",
				"VERIFIED", "tag", "x", "bbox", "1,2,3,4", "q", "clash", "near", "34.19,71.07,25"));

		SqlFilter sql = filter.toSql();

		assertThat(sql.where()).contains("i.effective_end >= :incidentFrom", "i.effective_start <= :incidentTo",
				"i.countries && cast(:incidentCountries as text[])", "asin(", "lower(i.admin1) in (:incidentAdmin1)",
				"filter_actor.role in (:incidentActorRoles)", "filter_claim.stance = 'CLAIMS_RESPONSIBILITY'",
				"i.tags && array[:incidentTags]::text[]", "websearch_to_tsquery('english', :incidentQ)",
				"i.longitude between");
		assertThat(sql.params()).containsEntry("incidentAdmin1", List.of("kurram"))
			.containsEntry("incidentTypes", List.of("BATTLES"))
			.containsEntry("incidentMinFatalities", 5)
			.containsEntry("incidentMaxLat", 4.0)
			.containsEntry("incidentNearKm", 25.0);
		assertThat(sql.params().keySet()).allMatch((name) -> name.startsWith("incident"));
	}

	@Test
	void refusesMalformedValuesNamingTheParameter() {
		assertThatThrownBy(() -> IncidentFilter.parse(params("type", "BATLES"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.getMessage()).contains("type", "'BATLES'", "BATTLES"));
		assertThatThrownBy(() -> IncidentFilter.parse(params("bbox", "3,2,1,4"))).isInstanceOfSatisfying(
				InvalidInputException.class, (ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("bbox"));
		assertThatThrownBy(() -> IncidentFilter.parse(params("from", "2025-10-02", "to", "2025-10-01")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("to"));
		assertThatThrownBy(() -> IncidentFilter.parse(params("verification", "RUMOURED"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.getMessage()).contains("verification", "CORROBORATED"));
		assertThatThrownBy(() -> IncidentFilter.parse(params("q", "x".repeat(501)))).isInstanceOfSatisfying(
				InvalidInputException.class, (ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("q"));
	}

}
