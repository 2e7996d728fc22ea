package org.borderwatch.live;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An {@link EventSink} writing Server-Sent Events: {@code id:} the feed position,
 * {@code event:} {@code <collection>.<action>}, {@code data:} the feed item.
 */
final class SseEventSink implements EventSink {

	private final SseEmitter emitter;

	SseEventSink(SseEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public void send(FeedEvent event) throws IOException {
		this.emitter.send(SseEmitter.event()
			.id(event.position().toString())
			.name(event.name())
			.data(event.data(), MediaType.TEXT_PLAIN));
	}

	@Override
	public void heartbeat() throws IOException {
		this.emitter.send(SseEmitter.event().comment("heartbeat"));
	}

	@Override
	public void close() {
		try {
			this.emitter.complete();
		}
		catch (RuntimeException ex) {
			// the connection is gone already
		}
	}

}
