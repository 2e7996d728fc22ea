package org.borderwatch.importing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports over HTTP: 202 with a job, the job's outcome, bodies past the JSON size limit,
 * multipart uploads and bad requests.
 */
class ImportApiTest extends IntegrationTest {

	private Api api;

	@Autowired
	private ImportJobs jobs;

	@Autowired
	private JdbcClient jdbc;

	private DatasetFixtures fixtures;

	private String prefix;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.prefix = "h" + UUID.randomUUID().toString().substring(0, 8) + "-";
		this.fixtures = new DatasetFixtures(this.prefix);
	}

	private JsonNode awaitEnd(String location) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			Api.Response job = this.api.get(location);
			assertThat(job.status()).as(job.body()).isEqualTo(200);
			String state = job.json().path("state").asString();
			if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
				return job.json();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the import job did not end");
	}

	@Test
	void acceptsAFileLargerThanTheJsonLimitAndReportsTheJobsOutcome() throws Exception {
		// a padded description makes the body larger than the 1 MiB that JSON bodies may
		// have
		String padding = "x".repeat(1_200_000);
		byte[] file = DatasetFixtures.gedHdxFile(List.of(this.fixtures.gedEvent("1", "where_description", padding),
				this.fixtures.gedEvent("2", "best", "many")));

		Api.Response accepted = this.api.send("POST",
				"/api/v1/imports?format=ucdp-ged&fileName=ged.csv&datasetVersion=22.1",
				new String(file, StandardCharsets.UTF_8), "text/csv");

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String location = accepted.header("Location");
		assertThat(location).startsWith("/api/v1/imports/");
		JsonNode job = awaitEnd(location);
		assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.path("fileName").asString()).isEqualTo("ged.csv");
		assertThat(job.path("requestedBy").asString()).isNotEqualTo("api");
		assertThat(job.path("counts").path("created").asLong()).isEqualTo(1);
		assertThat(job.path("counts").path("rejected").asLong()).isEqualTo(1);
		assertThat(job.path("rejectedRows").get(0).path("column").asString()).isEqualTo("best");
		assertThat(job.path("rowsRead").asLong()).isEqualTo(2);
	}

	@Test
	void acceptsAMultipartUpload() throws Exception {
		byte[] file = DatasetFixtures.gedHdxFile(List.of(this.fixtures.gedEvent("1")));
		String boundary = "----bw" + UUID.randomUUID();
		byte[] body = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ged-web.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + new String(file, StandardCharsets.UTF_8) + "\r\n--" + boundary
				+ "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports?format=ucdp-ged"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Authorization", "Bearer " + Api.ADMIN_KEY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode job = awaitEnd(response.headers().firstValue("Location").orElseThrow());
		assertThat(job.path("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.path("fileName").asString()).isEqualTo("ged-web.csv");
		assertThat(job.path("counts").path("created").asLong()).isEqualTo(1);
	}

	@Test
	void aStrictImportWithABadRowFailsAndSaysWhy() throws Exception {
		byte[] file = DatasetFixtures.gedHdxFile(List.of(this.fixtures.gedEvent("1", "latitude", "north")));

		Api.Response accepted = this.api.send("POST", "/api/v1/imports?format=ucdp-ged&strict=true",
				new String(file, StandardCharsets.UTF_8), "text/csv");

		JsonNode job = awaitEnd(accepted.header("Location"));
		assertThat(job.path("state").asString()).isEqualTo("FAILED");
		assertThat(job.path("error").asString()).contains("line 3").contains("latitude");
		assertThat(job.path("counts").isNull()).isTrue();
	}

	@Test
	void refusesAnUnknownFormatNamingTheField() {
		Api.Response response = this.api.send("POST", "/api/v1/imports?format=gdelt", "id\n1\n", "text/csv");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("format").contains("ucdp-ged");
	}

	@Test
	void aJobLeftRunningByAStoppedServiceIsFailedAtTheNextStart() throws Exception {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into import_job (id, format, file_name, on_conflict, strict, requested_by, state, created_at,
				                        started_at)
				values (:id, 'ucdp-ged', 'ged.csv', 'KEEP', false, 'importer', 'RUNNING', now(), now())""")
			.param("id", id)
			.update();

		this.jobs.failInterruptedJobs();

		JsonNode job = this.api.get("/api/v1/imports/" + id).json();
		assertThat(job.path("state").asString()).isEqualTo("FAILED");
		assertThat(job.path("error").asString()).contains("nothing of it was written");
	}

	@Test
	void aStartingInstanceFailsItsOwnLeftoversAndThoseOfGoneInstancesButNotJobsOfLiveOnes() {
		UUID own = runningJob(this.jobs.instanceId(), "now()");
		UUID live = runningJob("other-live-instance:8080", "now()");
		UUID gone = runningJob("other-gone-instance:8080", "now() - interval '5 minutes'");

		this.jobs.failInterruptedJobs();

		assertThat(state(own)).isEqualTo("FAILED");
		assertThat(state(live)).as("another live instance is running it").isEqualTo("RUNNING");
		assertThat(state(gone)).isEqualTo("FAILED");
	}

	@Test
	void aRunningInstanceFailsTheJobsOfGoneInstancesOnlyAndNeverItsOwn() {
		UUID own = runningJob(this.jobs.instanceId(), "now() - interval '5 minutes'");
		UUID live = runningJob("other-live-instance:8080", "now()");
		UUID gone = runningJob("other-gone-instance:8080", "now() - interval '5 minutes'");

		this.jobs.failJobsOfGoneInstances();

		assertThat(state(own)).isEqualTo("RUNNING");
		assertThat(state(live)).isEqualTo("RUNNING");
		assertThat(state(gone)).isEqualTo("FAILED");
		this.jdbc.sql("update import_job set state = 'FAILED' where id = :id").param("id", own).update();
	}

	private UUID runningJob(String owner, String heartbeat) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into import_job (id, format, file_name, on_conflict, strict, requested_by, state, created_at,
					                        started_at, owner, heartbeat_at)
					values (:id, 'ucdp-ged', 'ged.csv', 'KEEP', false, 'importer', 'RUNNING', now(), now(), :owner, %s)"""
				.formatted(heartbeat))
			.param("id", id)
			.param("owner", owner)
			.update();
		return id;
	}

	private String state(UUID id) {
		return this.api.get("/api/v1/imports/" + id).json().path("state").asString();
	}

	@Test
	void describesTheImportEndpointsAndActorDatasetIdsInTheOpenApiDocument() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.path("/api/v1/imports").path("post").path("responses").has("202")).isTrue();
		assertThat(paths.path("/api/v1/imports").path("post").path("responses").has("400")).isTrue();
		assertThat(paths.path("/api/v1/imports/{id}").path("get").path("responses").has("404")).isTrue();
		assertThat(docs.json().path("components").path("schemas").path("Actor").path("properties").has("externalIds"))
			.isTrue();
	}

	@Test
	void answersNotFoundForAnUnknownJob() {
		assertThat(this.api.get("/api/v1/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

}
