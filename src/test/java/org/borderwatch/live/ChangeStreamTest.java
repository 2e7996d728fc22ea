package org.borderwatch.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One stream's queue: bounded, in feed order, never a change twice. */
class ChangeStreamTest {

	private static FeedEvent event(long txid, long seq, String collection) {
		return new FeedEvent(new FeedPosition(txid, seq), collection, "CREATED", UUID.randomUUID(),
				collection + ".created", "{}", null);
	}

	private static List<Object> drain(ChangeStream stream) {
		List<Object> out = new ArrayList<>();
		Object next;
		while ((next = stream.poll()) != null) {
			out.add(next);
		}
		return out;
	}

	@Test
	void asksToBeDroppedWhenItsClientFallsFurtherBehindThanTheQueueHolds() {
		ChangeStream stream = new ChangeStream(StreamFilter.ALL, new NoSink(), 2, FeedPosition.START);

		assertThat(stream.offer(List.of(event(10, 1, "actors"), event(10, 2, "actors")))).isTrue();
		assertThat(stream.offer(List.of(event(11, 3, "actors")))).isFalse();
		assertThat(stream.queued()).isEqualTo(2);
	}

	@Test
	void skipsChangesAtOrBeforeItsPositionSoNoneComesTwice() {
		ChangeStream stream = new ChangeStream(StreamFilter.ALL, new NoSink(), 10, new FeedPosition(10, 2));
		FeedEvent old = event(10, 2, "actors");
		FeedEvent fresh = event(10, 3, "actors");
		FeedEvent later = event(12, 1, "actors");

		stream.offer(List.of(old, fresh));
		stream.offer(List.of(fresh, later));

		assertThat(drain(stream)).containsExactly(fresh, later);
		assertThat(stream.position()).isEqualTo(new FeedPosition(12, 1));
	}

	@Test
	void movesPastChangesItsFilterLeavesOut() {
		StreamFilter incidents = StreamFilter.parse(List.of("incidents"), null, null, null);
		ChangeStream stream = new ChangeStream(incidents, new NoSink(), 10, FeedPosition.START);
		FeedEvent incident = event(5, 1, "incidents");

		stream.offer(List.of(event(4, 1, "actors"), incident, event(6, 1, "sources")));

		assertThat(drain(stream)).containsExactly(incident);
		assertThat(stream.position()).isEqualTo(new FeedPosition(6, 1));
	}

	@Test
	void ordersPositionsByTransactionAsAnUnsignedNumberThenBySequence() {
		assertThat(FeedPosition.parse("18446744073709551615-1", "after")).isGreaterThan(new FeedPosition(5, 9));
		assertThat(new FeedPosition(5, 10)).isGreaterThan(new FeedPosition(5, 9));
		assertThat(FeedPosition.parse("42-7", "after")).hasToString("42-7");
	}

	private static final class NoSink implements EventSink {

		@Override
		public void send(FeedEvent event) {
		}

		@Override
		public void heartbeat() {
		}

		@Override
		public void close() {
		}

	}

}
