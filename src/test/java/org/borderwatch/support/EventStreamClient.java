package org.borderwatch.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client for tests: connects, parses the events (and comments) as
 * they arrive on a thread of its own, and hands them out in order.
 */
public final class EventStreamClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final Thread reader;

	private volatile int comments;

	private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

	private EventStreamClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = new Thread(this::read, "test-sse-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Opens a stream; {@code headers} are name/value pairs.
	 * @return the client; its {@link #status()} tells whether the stream was accepted
	 */
	public static EventStreamClient open(int port, String pathAndQuery, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
			.header("Accept", "text/event-stream");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			return new EventStreamClient(client.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return this.response.statusCode();
	}

	public String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	public int comments() {
		return this.comments;
	}

	private void read() {
		String id = null;
		String name = null;
		StringBuilder data = new StringBuilder();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (data.length() > 0 || name != null) {
						this.events.add(new Event(id, name, data.toString()));
					}
					id = null;
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments++;
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					if (data.length() > 0) {
						data.append('\n');
					}
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException ex) {
			// closed
		}
		finally {
			this.ended.countDown();
		}
	}

	/** Whether the server ended the stream within {@code timeout}. */
	public boolean awaitEnd(Duration timeout) {
		try {
			return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The events until one matches, that one included.
	 * @throws AssertionError when none came within {@code timeout}
	 */
	public List<Event> until(Predicate<Event> wanted, Duration timeout) {
		List<Event> seen = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				Event event = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
				if (event == null) {
					throw new AssertionError("No matching event within " + timeout + "; got " + seen);
				}
				seen.add(event);
				if (wanted.test(event)) {
					return seen;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The events that came so far and were not handed out. */
	public List<Event> drain() {
		List<Event> rest = new ArrayList<>();
		this.events.drainTo(rest);
		return rest;
	}

	@Override
	public void close() {
		this.reader.interrupt();
		try {
			this.response.body().close();
		}
		catch (RuntimeException ex) {
			// already closed
		}
	}

	/**
	 * One event.
	 *
	 * @param id its id line
	 * @param name its event line
	 * @param data its data
	 */
	public record Event(String id, String name, String data) {

		public JsonNode json() {
			return JSON.readTree(this.data);
		}

		/** The changed record's id, for a change feed event. */
		public String recordId() {
			return json().path("id").asString();
		}

	}

}
