import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Change stream fan-out: opens N streams, measures the service's heap per open stream, then
 * writes M changes and measures how fast they reach every stream.
 *
 * Arguments: base URL, admin key, service pid (for jcmd GC.run), streams, changes.
 */
public class StreamBench {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String key = args[1];
		String pid = args[2];
		int streams = Integer.parseInt(args[3]);
		int changes = Integer.parseInt(args[4]);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		long heapBefore = heapAfterGc(client, base, key, pid);
		AtomicLong received = new AtomicLong();
		AtomicLong lastEventNanos = new AtomicLong();
		CountDownLatch allOpen = new CountDownLatch(streams);
		CountDownLatch allDone = new CountDownLatch(streams);
		List<CompletableFuture<HttpResponse<Stream<String>>>> open = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/changes/stream?collection=actors"))
				.header("Accept", "text/event-stream")
				.build();
			CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
					HttpResponse.BodyHandlers.ofLines());
			open.add(response);
			response.thenAccept((answer) -> {
				if (answer.statusCode() != 200) {
					System.err.println("stream refused: " + answer.statusCode());
					allOpen.countDown();
					allDone.countDown();
					return;
				}
				allOpen.countDown();
				Thread reader = new Thread(() -> {
					int mine = 0;
					try (Stream<String> lines = answer.body()) {
						for (String line : (Iterable<String>) lines::iterator) {
							if (line.startsWith("id:")) {
								received.incrementAndGet();
								lastEventNanos.set(System.nanoTime());
								if (++mine == changes) {
									break;
								}
							}
						}
					}
					catch (RuntimeException ex) {
						// closed
					}
					allDone.countDown();
				});
				reader.setDaemon(true);
				reader.start();
			});
		}
		if (!allOpen.await(120, TimeUnit.SECONDS)) {
			System.err.println("not every stream opened within 120 s");
		}
		Thread.sleep(2000);
		long heapWithStreams = heapAfterGc(client, base, key, pid);

		// eight writers at once, so that the write rate is not one client's round trips
		long started = System.nanoTime();
		java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(8);
		List<CompletableFuture<Integer>> writes = new ArrayList<>();
		for (int i = 0; i < changes; i++) {
			HttpRequest write = HttpRequest.newBuilder(URI.create(base + "/api/v1/actors"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + key)
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\": \"Stream bench " + System.nanoTime() + "\", \"kind\": \"OTHER\"}"))
				.build();
			inFlight.acquire();
			writes.add(client.sendAsync(write, HttpResponse.BodyHandlers.discarding()).thenApply((answer) -> {
				inFlight.release();
				return answer.statusCode();
			}));
		}
		for (CompletableFuture<Integer> write : writes) {
			if (write.get() != 201) {
				throw new IllegalStateException("write answered " + write.get());
			}
		}
		long written = System.nanoTime();
		boolean complete = allDone.await(120, TimeUnit.SECONDS);
		long last = lastEventNanos.get();
		double seconds = (last - started) / 1e9;
		double writeSeconds = (written - started) / 1e9;

		System.out.printf("streams held:                %d%n", streams);
		System.out.printf("changes written:             %d in %.2f s (%.0f/s, 8 concurrent writers)%n", changes,
				writeSeconds, changes / writeSeconds);
		System.out.printf("events delivered:            %d of %d%s%n", received.get(), (long) streams * changes,
				complete ? "" : " (timed out)");
		System.out.printf("first write to last event:   %.2f s%n", seconds);
		System.out.printf("last write to last event:    %.2f s%n", (last - written) / 1e9);
		System.out.printf("events/s delivered:          %.0f%n", received.get() / seconds);
		System.out.printf("heap before / with streams:  %.1f MB / %.1f MB (after a full GC each)%n", heapBefore / 1e6,
				heapWithStreams / 1e6);
		System.out.printf("heap per open stream:        %.1f KB%n", (heapWithStreams - heapBefore) / 1024.0 / streams);
		System.exit(0);
	}

	private static long heapAfterGc(HttpClient client, String base, String key, String pid)
			throws IOException, InterruptedException {
		new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
		Thread.sleep(500);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
			.header("Authorization", "Bearer " + key)
			.build();
		String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)").matcher(body);
		if (!value.find()) {
			throw new IllegalStateException("no heap figure in " + body);
		}
		return (long) Double.parseDouble(value.group(1));
	}

}
