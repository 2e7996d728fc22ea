package org.borderwatch.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on localhost for tests: keeps every request it gets and answers with
 * the status it is told to.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int answer = 204;

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hooks", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				this.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
						exchange.getRequestHeaders().getFirst("webhook-timestamp"),
						exchange.getRequestHeaders().getFirst("webhook-signature"), body, this.answer));
			}
			exchange.sendResponseHeaders(this.answer, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	void answer(int status) {
		this.answer = status;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Waits until a received request matches, polling. */
	void awaitRequest(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.received.stream().anyMatch(wanted)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No such request within " + timeout + "; got " + new ArrayList<>(this.received));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request.
	 *
	 * @param id the webhook-id header
	 * @param timestamp the webhook-timestamp header
	 * @param signature the webhook-signature header
	 * @param body the body
	 * @param answered the status it was answered with
	 */
	record Received(String id, String timestamp, String signature, String body, int answered) {

	}

}
