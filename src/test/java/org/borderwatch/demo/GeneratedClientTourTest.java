package org.borderwatch.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.client.ApiClient;
import org.borderwatch.client.ApiException;
import org.borderwatch.client.api.ActorsApi;
import org.borderwatch.client.api.CeasefiresApi;
import org.borderwatch.client.api.CrossingStatusHistoryApi;
import org.borderwatch.client.api.CrossingsApi;
import org.borderwatch.client.api.IncidentsApi;
import org.borderwatch.client.api.NegotiationsApi;
import org.borderwatch.client.api.SituationApi;
import org.borderwatch.client.api.StatisticsApi;
import org.borderwatch.client.api.TalksRoundsApi;
import org.borderwatch.client.api.TimelineApi;
import org.borderwatch.client.model.Actor;
import org.borderwatch.client.model.Crossing;
import org.borderwatch.client.model.Incident;
import org.borderwatch.client.model.IncidentStats;
import org.borderwatch.client.model.Situation;
import org.borderwatch.client.model.TimelinePage;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README tour's reads, over the demo data, through a client generated from
 * {@code docs/openapi.json} at build time (OpenAPI Generator, Java, the JDK's HTTP
 * client): every answer must deserialise into the generated models, unknown fields
 * refused, as a dashboard team's generated client would read it.
 */
class GeneratedClientTourTest extends IntegrationTest {

	@Autowired
	private DemoDataLoader loader;

	private ApiClient client;

	@BeforeEach
	void loadScenario() throws IOException {
		this.loader.loadScenario();
		this.client = new ApiClient();
		this.client.updateBaseUri("http://localhost:" + this.port);
		this.client.setObjectMapper(
				this.client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
	}

	@Test
	void runsTheReadmeTourDeserialisingEveryAnswer() throws ApiException {
		ActorsApi actors = new ActorsApi(this.client);
		assertThat(
				actors.listActor(ActorsApi.APIListActorRequest.newBuilder().kind(List.of("PERSON")).build()).getItems())
			.isNotEmpty();
		assertThat(actors.listActor(ActorsApi.APIListActorRequest.newBuilder().q("taliban").build()).getItems())
			.isNotEmpty();
		UUID ttp = actors.listActor(ActorsApi.APIListActorRequest.newBuilder().q("TTP").build())
			.getItems()
			.get(0)
			.getId();
		Actor actor = actors.getActor(ActorsApi.APIGetActorRequest.newBuilder().id(ttp).build());
		assertThat(actor.getDesignations()).isNotEmpty();

		IncidentsApi incidents = new IncidentsApi(this.client);
		LocalDate october = LocalDate.of(2025, 10, 1);
		LocalDate november = LocalDate.of(2025, 11, 10);
		assertThat(incidents
			.listIncident(IncidentsApi.APIListIncidentRequest.newBuilder().from(october).to(november).build())
			.getItems()).isNotEmpty();
		incidents.listIncident(IncidentsApi.APIListIncidentRequest.newBuilder()
			.from(october)
			.to(november)
			.country(List.of("AFG"))
			.type(List.of("EXPLOSIONS_REMOTE_VIOLENCE"))
			.build());
		incidents.listIncident(IncidentsApi.APIListIncidentRequest.newBuilder().claimedBy(List.of(ttp)).build());
		incidents.listIncident(IncidentsApi.APIListIncidentRequest.newBuilder().q("convoys").build());
		assertThat(incidents.listIncident(IncidentsApi.APIListIncidentRequest.newBuilder().bbox("60,29,75,37").build())
			.getItems()).isNotEmpty();
		Incident clashes = incidents
			.getByExternalRefIncident(IncidentsApi.APIGetByExternalRefIncidentRequest.newBuilder()
				.dataset("borderwatch-demo")
				.id("border-clashes-2025-10")
				.build());
		assertThat(clashes.getCasualties()).isNotEmpty();

		CeasefiresApi ceasefires = new CeasefiresApi(this.client);
		assertThat(ceasefires
			.listCeasefire(
					CeasefiresApi.APIListCeasefireRequest.newBuilder().inEffectOn(LocalDate.of(2025, 11, 6)).build())
			.getItems()).isNotEmpty();
		ceasefires.listCeasefire(CeasefiresApi.APIListCeasefireRequest.newBuilder()
			.status(List.of("COLLAPSED", "EXPIRED", "TERMINATED"))
			.build());

		assertThat(new TalksRoundsApi(this.client)
			.listTalksRound(TalksRoundsApi.APIListTalksRoundRequest.newBuilder().venueCountry(List.of("TUR")).build())
			.getItems()).isNotEmpty();
		assertThat(new NegotiationsApi(this.client)
			.listNegotiation(NegotiationsApi.APIListNegotiationRequest.newBuilder().build())
			.getItems()).isNotEmpty();

		CrossingsApi crossings = new CrossingsApi(this.client);
		assertThat(crossings.listCrossing(
				CrossingsApi.APIListCrossingRequest.newBuilder().asOf("2025-10-15").status(List.of("CLOSED")).build())
			.getItems()).isNotEmpty();
		crossings.listCrossing(CrossingsApi.APIListCrossingRequest.newBuilder()
			.asOf("2025-11-06")
			.status(List.of("OPEN", "PARTIALLY_OPEN"))
			.build());
		Crossing torkham = crossings.listCrossing(CrossingsApi.APIListCrossingRequest.newBuilder().q("torkham").build())
			.getItems()
			.get(0);
		assertThat(new CrossingStatusHistoryApi(this.client).listStatusChange(
				CrossingStatusHistoryApi.APIListStatusChangeRequest.newBuilder().crossingId(torkham.getId()).build())
			.getItems()).isNotEmpty();
		crossings.statusCrossing(
				CrossingsApi.APIStatusCrossingRequest.newBuilder().id(torkham.getId()).at("2025-10-20").build());

		TimelinePage timeline = new TimelineApi(this.client).timelineTimeline(
				TimelineApi.APITimelineTimelineRequest.newBuilder().from("2025-10-01").to("2025-11-10").build());
		assertThat(timeline.getItems()).isNotEmpty();
		Situation situation = new SituationApi(this.client).situationSituation(
				SituationApi.APISituationSituationRequest.newBuilder().asOf(LocalDate.of(2025, 11, 6)).build());
		assertThat(situation).isNotNull();
		IncidentStats stats = new StatisticsApi(this.client)
			.incidentsIncidentStats(StatisticsApi.APIIncidentsIncidentStatsRequest.newBuilder()
				.from(october)
				.to(november)
				.interval("week")
				.groupBy("type")
				.build());
		assertThat(stats).isNotNull();
	}

}
