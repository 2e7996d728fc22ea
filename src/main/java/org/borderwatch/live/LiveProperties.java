package org.borderwatch.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the change stream ({@code borderwatch.live.*}).
 *
 * @param maxStreams open streams at most; one more is refused with 503
 * @param heartbeat how often an idle stream gets a comment line, so that proxies keep it
 * open and a vanished client shows up as a failed write
 * @param backstop how often the feed is read without a wake-up signal: a notification can
 * come before its change is visible, or be lost with a broken connection
 * @param queueCapacity events waiting for one client at most; a client further behind is
 * dropped and resumes with its last event id
 * @param streamTimeout how long one stream lasts before it ends and the client reconnects
 * (with {@code Last-Event-ID}, losing nothing)
 * @param batchSize changes read from the feed at a time
 * @param senderThreads threads writing events to clients
 * @param notifyInterval the shortest time between two notifications this instance sends
 * to the other instances after commits: the commits of a burst share one
 */
@ConfigurationProperties("borderwatch.live")
record LiveProperties(@DefaultValue("500") int maxStreams, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("3s") Duration backstop, @DefaultValue("1000") int queueCapacity,
		@DefaultValue("30m") Duration streamTimeout, @DefaultValue("200") int batchSize,
		@DefaultValue("4") int senderThreads, @DefaultValue("25ms") Duration notifyInterval) {

}
