package org.borderwatch.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open change streams and the one reader that feeds them.
 * <p>
 * A wake-up (a database notification, or the backstop timer) makes the reader read the
 * feed once after the newest position it has, and hand those changes to every stream that
 * has caught up; each stream filters them and queues what it takes. A few sender threads
 * write the queues to the clients, so a slow connection holds up only its own stream. The
 * feed is the truth: a wake-up only says "look now", and a stream that falls behind or
 * reconnects reads the feed from its own position.
 */
@Component
class ChangeStreamHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeStreamHub.class);

	private final LiveFeed feed;

	private final LiveProperties properties;

	private final Set<ChangeStream> streams = ConcurrentHashMap.newKeySet();

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicBoolean readPending = new AtomicBoolean();

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final Object lock = new Object();

	/** The newest position the reader has handed out; guarded by {@link #lock}. */
	private FeedPosition position;

	/**
	 * Set when a wake-up found no stream open and read nothing: {@link #position} may be
	 * behind the feed, and the next stream to open while no other is registered moves it
	 * to the feed's end first.
	 */
	private volatile boolean behind;

	private final AtomicLong reads = new AtomicLong();

	private ExecutorService reader;

	private ExecutorService senders;

	private ScheduledExecutorService timers;

	private volatile boolean running;

	ChangeStreamHub(LiveFeed feed, LiveProperties properties) {
		this.feed = feed;
		this.properties = properties;
	}

	@Override
	public void start() {
		synchronized (this.lock) {
			this.position = this.feed.end();
		}
		this.reader = Executors.newSingleThreadExecutor(threads("live-reader"));
		this.senders = Executors.newFixedThreadPool(this.properties.senderThreads(), threads("live-sender"));
		this.timers = Executors.newSingleThreadScheduledExecutor(threads("live-timer"));
		long backstop = this.properties.backstop().toMillis();
		this.timers.scheduleWithFixedDelay(this::wake, backstop, backstop, TimeUnit.MILLISECONDS);
		long heartbeat = this.properties.heartbeat().toMillis();
		this.timers.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/**
	 * Ends every stream (clients reconnect, to this or another instance, with their last
	 * event id) and stops the threads.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (ChangeStream stream : this.streams) {
			close(stream);
		}
		this.timers.shutdownNow();
		this.reader.shutdownNow();
		this.senders.shutdown();
		try {
			if (!this.senders.awaitTermination(5, TimeUnit.SECONDS)) {
				this.senders.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Opens a stream after {@code after} (null: from now on).
	 * @throws TooManyStreamsException when the cap is reached
	 */
	ChangeStream open(StreamFilter filter, FeedPosition after, EventSink sink) {
		if (!this.running) {
			throw new TooManyStreamsException("The service is shutting down; connect again in a moment");
		}
		if (this.open.incrementAndGet() > this.properties.maxStreams()) {
			this.open.decrementAndGet();
			throw new TooManyStreamsException("The service holds its maximum of " + this.properties.maxStreams()
					+ " open streams; connect again later");
		}
		ChangeStream stream;
		synchronized (this.lock) {
			// Only while no other stream is registered: a caught-up stream is handed the
			// changes after the position, and moving it on would skip some of them.
			if (this.behind && this.streams.isEmpty()) {
				try {
					moveToEnd();
				}
				catch (RuntimeException ex) {
					this.open.decrementAndGet();
					throw ex;
				}
			}
			stream = new ChangeStream(filter, sink, this.properties.queueCapacity(),
					(after != null) ? after : this.position);
			if (!this.position.isAfter(stream.position())) {
				stream.markCaughtUp();
			}
			this.streams.add(stream);
		}
		schedule(stream);
		return stream;
	}

	/** Forgets a stream whose connection ended (completed, timed out or failed). */
	void closed(ChangeStream stream) {
		if (this.streams.remove(stream)) {
			this.open.decrementAndGet();
		}
		stream.markClosed();
	}

	/**
	 * Asks the reader to look at the feed; wake-ups that come while it reads fold into
	 * one. With no stream open nothing is read: a read after every commit would cost each
	 * write of the service a feed query that nobody uses.
	 */
	void wake() {
		if (!this.running) {
			return;
		}
		if (this.open.get() == 0) {
			// Marked before looking again: a stream counted in between either sees the
			// mark when it opens, or is seen here and gets this read.
			this.behind = true;
			if (this.open.get() == 0) {
				return;
			}
		}
		if (this.readPending.compareAndSet(false, true)) {
			try {
				this.reads.incrementAndGet();
				this.reader.execute(this::readAndHandOut);
			}
			catch (RuntimeException ex) {
				// shutting down
				this.readPending.set(false);
			}
		}
	}

	int openStreams() {
		return this.open.get();
	}

	long deliveredEvents() {
		return this.delivered.get();
	}

	long droppedStreams() {
		return this.dropped.get();
	}

	/** Wake-ups so far that set the shared reader reading the feed. */
	long readsStarted() {
		return this.reads.get();
	}

	/**
	 * Moves the reader's position to the feed's end (never back), for the first stream
	 * opening after wake-ups that read nothing: a stream from "now" must not be handed
	 * the changes committed while no stream was open, nor must the reader read them all
	 * at once. Called holding {@link #lock}, with no stream registered.
	 */
	private void moveToEnd() {
		FeedPosition end = this.feed.end();
		if (end.isAfter(this.position)) {
			this.position = end;
		}
		this.behind = false;
	}

	private void readAndHandOut() {
		this.readPending.set(false);
		try {
			int batch = this.properties.batchSize();
			while (this.running) {
				FeedPosition from;
				synchronized (this.lock) {
					from = this.position;
				}
				List<FeedEvent> events = this.feed.read(from, batch);
				if (events.isEmpty()) {
					return;
				}
				if (anyNeedsTimelineEntries()) {
					events = this.feed.withTimelineEntries(events);
				}
				handOut(events);
				if (events.size() < batch) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			// the backstop timer tries again
			log.warn("Could not read the change feed for the streams: {}", ex.toString());
		}
	}

	private boolean anyNeedsTimelineEntries() {
		for (ChangeStream stream : this.streams) {
			if (stream.filter().needsTimelineEntries()) {
				return true;
			}
		}
		return false;
	}

	private void handOut(List<FeedEvent> events) {
		List<ChangeStream> ready = new ArrayList<>();
		synchronized (this.lock) {
			FeedPosition last = events.get(events.size() - 1).position();
			// a stream that opened during the read may have moved the position past it
			if (last.isAfter(this.position)) {
				this.position = last;
			}
			for (ChangeStream stream : this.streams) {
				if (!stream.isCaughtUp() || stream.isClosed()) {
					continue;
				}
				if (!stream.offer(events)) {
					this.dropped.incrementAndGet();
					log.info("Dropped a change stream that fell {} events behind; it resumes from its last event id",
							this.properties.queueCapacity());
					close(stream);
				}
				else if (stream.hasQueued()) {
					ready.add(stream);
				}
			}
		}
		ready.forEach(this::schedule);
	}

	private void heartbeat() {
		for (ChangeStream stream : this.streams) {
			stream.offerHeartbeat();
			schedule(stream);
		}
	}

	private void close(ChangeStream stream) {
		closed(stream);
		// the sink is closed by a sender, after any write in progress
		schedule(stream);
	}

	private void schedule(ChangeStream stream) {
		if (stream.scheduled.compareAndSet(false, true)) {
			try {
				this.senders.execute(() -> run(stream));
			}
			catch (RuntimeException ex) {
				// shutting down: close it here
				stream.scheduled.set(false);
				stream.closeSink();
			}
		}
	}

	private void run(ChangeStream stream) {
		try {
			if (!stream.isClosed() && !stream.isCaughtUp()) {
				catchUp(stream);
			}
			Object next;
			while (!stream.isClosed() && (next = stream.poll()) != null) {
				if (next == ChangeStream.HEARTBEAT) {
					stream.sink().heartbeat();
				}
				else {
					stream.sink().send((FeedEvent) next);
					this.delivered.incrementAndGet();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client went away, or the feed could not be read: it reconnects with its
			// last event id
			log.debug("Change stream ended: {}", ex.toString());
			closed(stream);
		}
		finally {
			if (stream.isClosed()) {
				stream.closeSink();
			}
			stream.scheduled.set(false);
			if (!stream.isClosed() && stream.hasQueued()) {
				schedule(stream);
			}
		}
	}

	/**
	 * Reads the feed from the stream's own position and writes what it takes, until it
	 * has reached the shared reader's position; from then on the reader hands it its
	 * changes.
	 */
	private void catchUp(ChangeStream stream) throws IOException {
		int batch = this.properties.batchSize();
		while (!stream.isClosed()) {
			List<FeedEvent> events = this.feed.read(stream.position(), batch);
			if (stream.filter().needsTimelineEntries()) {
				events = this.feed.withTimelineEntries(events);
			}
			for (FeedEvent event : events) {
				if (stream.filter().matches(event)) {
					stream.sink().send(event);
					this.delivered.incrementAndGet();
				}
				stream.advanceTo(event.position());
			}
			if (events.size() < batch) {
				synchronized (this.lock) {
					if (!this.position.isAfter(stream.position())) {
						stream.markCaughtUp();
						return;
					}
				}
			}
		}
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger number = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
