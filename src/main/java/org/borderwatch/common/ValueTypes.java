package org.borderwatch.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the kind of value a parameter or field expects, in the words of an error message:
 * "a date (expected YYYY-MM-DD)", "value; expected one of [STATE, PERSON, ...]".
 */
public final class ValueTypes {

	private ValueTypes() {
	}

	/** What a value of {@code type} looks like, for a message that it is not one. */
	public static String describe(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type.isEnum()) {
			return "value; expected one of " + allowed(type);
		}
		String simple = type.getSimpleName();
		return switch (simple) {
			case "UUID" -> "UUID";
			case "LocalDate" -> "date (expected YYYY-MM-DD)";
			case "Instant", "OffsetDateTime" -> "date-time (expected ISO-8601, e.g. 2025-10-12T00:00:00Z)";
			case "int", "Integer", "long", "Long" -> "whole number";
			case "double", "Double", "BigDecimal" -> "number";
			case "boolean", "Boolean" -> "boolean (true or false)";
			case "String" -> "string";
			default -> structure(type);
		};
	}

	/**
	 * A request record, a map or a list is named by its JSON shape: a client sees JSON,
	 * not the service's class names.
	 */
	private static String structure(Class<?> type) {
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "JSON array";
		}
		if (type.isRecord() || Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
			return "JSON object";
		}
		return type.getSimpleName().toLowerCase(Locale.ROOT);
	}

	/** The constant names of an enum type, in declaration order. */
	public static List<String> allowed(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList();
	}

}
