package org.borderwatch.common;

import java.util.Arrays;
import java.util.List;

/**
 * An opaque keyset-pagination position: the sort-key values of the last row a page
 * returned. {@link CursorCodec} turns it into the signed token clients send back.
 */
public final class Cursor {

	private final List<String> values;

	private Cursor(List<String> values) {
		this.values = List.copyOf(values);
	}

	public static Cursor of(Object... values) {
		return new Cursor(Arrays.stream(values).map(String::valueOf).toList());
	}

	static Cursor ofValues(List<String> values) {
		return new Cursor(values);
	}

	public List<String> values() {
		return this.values;
	}

	public String value(int index) {
		return this.values.get(index);
	}

}
