package org.borderwatch.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: real requests over a socket to the running
 * service, JSON bodies given as text (so tests show exactly what a curl user would send).
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.shared();

	/**
	 * The admin key every integration test's service is started with
	 * ({@code borderwatch.security.bootstrap-admin-key}). A default client sends it with
	 * writes and with requests outside the public API (API keys, operations endpoints),
	 * so that tests about other things can write; its reads of the API go anonymously, as
	 * the public's do, so that what they observe (statement counts included) is what the
	 * public gets. {@link #as(String)} sends a credential with every request.
	 */
	public static final String ADMIN_KEY = "bwk_test-admin-key-for-integration-tests-only-0123456789";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final HttpClient client = CLIENT;

	private final String base;

	/** The bearer credential sent unless a request names its own; null for none. */
	private final String credential;

	/** Whether public reads go without the credential (the default client's way). */
	private final boolean anonymousReads;

	/**
	 * A client sending the test admin key with writes and non-public requests, reading
	 * the public API anonymously.
	 */
	public Api(int port) {
		this("http://localhost:" + port, ADMIN_KEY, true);
	}

	private Api(String base, String credential, boolean anonymousReads) {
		this.base = base;
		this.credential = credential;
		this.anonymousReads = anonymousReads;
	}

	/**
	 * The same client, sending {@code secret} as its bearer credential with every
	 * request.
	 */
	public Api as(String secret) {
		return new Api(this.base, secret, false);
	}

	/** The same client, sending no credential. */
	public Api anonymous() {
		return new Api(this.base, null, false);
	}

	private boolean sendsCredential(String method, String path) {
		if (this.credential == null) {
			return false;
		}
		if (!this.anonymousReads || !(method.equals("GET") || method.equals("HEAD"))) {
			return true;
		}
		String local = path.startsWith("http") ? URI.create(path).getPath() : path;
		return !local.startsWith("/api/") || local.startsWith("/api/v1/api-keys");
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, null, headers);
	}

	public Response post(String path, String json, String... headers) {
		return send("POST", path, json, "application/json", headers);
	}

	public Response put(String path, String json, String... headers) {
		return send("PUT", path, json, "application/json", headers);
	}

	public Response patch(String path, String json, String... headers) {
		return send("PATCH", path, json, "application/merge-patch+json", headers);
	}

	public Response delete(String path, String... headers) {
		return send("DELETE", path, null, null, headers);
	}

	/** Sends any request; {@code headers} are name/value pairs. */
	public Response send(String method, String path, String body, String contentType, String... headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(path.startsWith("http") ? path : this.base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		boolean authorization = false;
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			authorization |= headers[i].equalsIgnoreCase("Authorization");
		}
		if (!authorization && sendsCredential(method, path)) {
			request.header("Authorization", "Bearer " + this.credential);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, headers, and the body as text or parsed JSON. */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public List<String> headerValues(String name) {
			return this.headers.allValues(name);
		}

		public Optional<String> contentType() {
			return this.headers.firstValue("Content-Type");
		}

		/** The {@code field} names listed under a problem's {@code errors}. */
		public List<String> errorFields() {
			return json().path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
