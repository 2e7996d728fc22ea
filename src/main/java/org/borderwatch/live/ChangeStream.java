package org.borderwatch.live;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's stream: its filter, the position of the last change it was given (or
 * skipped by its filter), and a bounded queue of events waiting to be written.
 * <p>
 * A new stream first reads the feed itself from where its client left off ("catching
 * up"); once it has reached the position the shared reader has, it is given the shared
 * reader's changes instead. A client that falls more than the queue's capacity behind is
 * dropped: it keeps the id of the last event it received and resumes from there, so a
 * slow client costs a bounded amount of memory and nothing is lost.
 */
final class ChangeStream {

	/** A queued heartbeat, written as a comment line. */
	static final Object HEARTBEAT = new Object();

	private final StreamFilter filter;

	private final EventSink sink;

	private final int capacity;

	private final ArrayDeque<Object> queue = new ArrayDeque<>();

	/** Whether a sender task runs or is about to run for this stream. */
	final AtomicBoolean scheduled = new AtomicBoolean();

	/** Changes up to here were queued, sent or passed over by the filter. */
	private volatile FeedPosition position;

	private volatile boolean caughtUp;

	private volatile boolean closed;

	private volatile boolean sinkClosed;

	ChangeStream(StreamFilter filter, EventSink sink, int capacity, FeedPosition position) {
		this.filter = filter;
		this.sink = sink;
		this.capacity = capacity;
		this.position = position;
	}

	StreamFilter filter() {
		return this.filter;
	}

	EventSink sink() {
		return this.sink;
	}

	FeedPosition position() {
		return this.position;
	}

	void advanceTo(FeedPosition reached) {
		this.position = reached;
	}

	boolean isCaughtUp() {
		return this.caughtUp;
	}

	void markCaughtUp() {
		this.caughtUp = true;
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Queues the changes after this stream's position that its filter takes.
	 * @return false when the queue would overflow: the stream must be dropped
	 */
	boolean offer(Iterable<FeedEvent> events) {
		synchronized (this.queue) {
			for (FeedEvent event : events) {
				if (!event.position().isAfter(this.position)) {
					continue;
				}
				this.position = event.position();
				if (this.filter.matches(event)) {
					if (this.queue.size() >= this.capacity) {
						return false;
					}
					this.queue.add(event);
				}
			}
			return true;
		}
	}

	/** Queues a heartbeat unless events are waiting anyway. */
	void offerHeartbeat() {
		synchronized (this.queue) {
			if (this.queue.isEmpty()) {
				this.queue.add(HEARTBEAT);
			}
		}
	}

	/** The next event or heartbeat to write, or null. */
	Object poll() {
		synchronized (this.queue) {
			return this.queue.poll();
		}
	}

	boolean hasQueued() {
		synchronized (this.queue) {
			return !this.queue.isEmpty();
		}
	}

	int queued() {
		synchronized (this.queue) {
			return this.queue.size();
		}
	}

	/**
	 * Marks the stream closed and lets go of what it queued; the sink is closed later.
	 */
	void markClosed() {
		this.closed = true;
		synchronized (this.queue) {
			this.queue.clear();
		}
	}

	/** Closes the sink once, from a sender thread. */
	void closeSink() {
		if (!this.sinkClosed) {
			this.sinkClosed = true;
			this.sink.close();
		}
	}

}
