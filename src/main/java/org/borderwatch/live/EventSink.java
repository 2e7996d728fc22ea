package org.borderwatch.live;

import java.io.IOException;

/** Where one stream's events go: the client's connection. */
interface EventSink {

	/** Writes one event; blocks while the connection takes it. */
	void send(FeedEvent event) throws IOException;

	/** Writes a comment line that keeps an idle connection open. */
	void heartbeat() throws IOException;

	/** Ends the stream; the client may reconnect with its last event id. */
	void close();

}
