package org.borderwatch.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, so ids
 * sort by creation time and keep B-tree inserts at the right edge of the index.
 */
public final class Uuids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Uuids() {
	}

	public static UUID v7() {
		long millis = System.currentTimeMillis();
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long lsb = 0L;
		for (int i = 2; i < 10; i++) {
			lsb = (lsb << 8) | (random[i] & 0xFFL);
		}
		lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
