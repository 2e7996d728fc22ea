package org.borderwatch.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests an attacker would try, each answered with a 400 problem, never a 500. */
class HostileInputApiTest extends IntegrationTest {

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	private void assertRefused(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.errorFields()).containsExactly(field);
	}

	@Test
	void refusesNulInQueryParametersNamingThem() {
		for (String path : List.of("/api/v1/actors?q=a%00b", "/api/v1/sources?q=a%00b", "/api/v1/talks-rounds?q=a%00b",
				"/api/v1/incidents?q=kabul%00")) {
			assertRefused(this.api.anonymous().get(path), "q");
		}
		assertRefused(this.api.get("/api/v1/incidents/by-external-ref?dataset=a%00b&id=1"), "dataset");
		assertRefused(this.api.get("/api/v1/incidents/by-external-ref?dataset=acled&id=1%00"), "id");
	}

	@Test
	void refusesNulInJsonBodyStringsNamingTheField() {
		assertRefused(this.api.post("/api/v1/actors", """
				{"name": "Bad\\u0000name", "kind": "OTHER"}"""), "name");
		assertRefused(this.api.post("/api/v1/actors", """
				{"name": "Fine %s", "kind": "OTHER", "aliases": ["ok", "b\\u0000d"]}""".formatted(UUID.randomUUID())),
				"aliases.1");
		String id = this.api.post("/api/v1/actors", """
				{"name": "Patched %s", "kind": "OTHER"}""".formatted(UUID.randomUUID())).json().path("id").asString();
		assertRefused(this.api.patch("/api/v1/actors/" + id, """
				{"description": "\\u0000"}"""), "description");
	}

	@Test
	void refusesMalformedPercentEncodingAndNamelessParameters() throws IOException {
		// Java's HTTP client refuses to send these: a raw request does.
		for (String query : List.of("cursor=%%%garbage", "q=%G1")) {
			String response = raw(
					"GET /api/v1/actors?" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).contains("\"field\":\"" + query.substring(0, query.indexOf('=')) + "\"");
		}
		for (String list : List.of("actors", "sources", "incidents", "ceasefires", "negotiations", "talks-rounds",
				"crossings")) {
			assertRefused(this.api.get("/api/v1/" + list + "?=x"), "query");
		}
	}

	@Test
	void refusesPercentEncodedBytesThatAreNotUtf8NamingTheParameter() throws IOException {
		// a lone byte above 0x7F, a lead byte with a bad continuation, a truncated
		// sequence
		for (String path : List.of("/api/v1/incidents?country=%FF%FE", "/api/v1/actors?q=%C3%28",
				"/api/v1/timeline?q=%E2%82")) {
			String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			String name = path.substring(path.indexOf('?') + 1, path.indexOf('='));
			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).contains("\"field\":\"" + name + "\"");
		}
		String response = raw("GET /api/v1/actors?%FF=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"field\":\"query\"");
	}

	@Test
	void answersContainerRejectionsAsProblemsWithoutServerDetails() throws IOException {
		for (String path : List.of("/api/v1/incidents/%00", "/api/v1/incidents/a%2Fb")) {
			String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).doesNotContain("<html").doesNotContain("Tomcat");
		}
	}

	@Test
	void answersErrorsNoControllerSawAsProblems() throws IOException {
		// Tomcat refuses TRACE itself; its error page is the service's too
		String response = raw("TRACE /api/v1/incidents HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 405");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"status\":405").contains("the Allow header").doesNotContain("timestamp");
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
