package org.borderwatch.common;

import java.util.Locale;

/**
 * The one rule for enumerations in query parameters: names match ignoring case, and a
 * value that matches none is refused naming the value and the allowed ones.
 */
public final class EnumValues {

	private EnumValues() {
	}

	/**
	 * The constant of {@code type} named {@code value} ignoring case; a
	 * {@link UnknownEnumValueException} otherwise.
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String value) {
		String name = value.strip().toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		throw new UnknownEnumValueException(value, type);
	}

	/**
	 * The constant of {@code type} named {@code value} ignoring case; a 400 naming
	 * {@code field}, the value and the allowed values otherwise.
	 */
	public static <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
		try {
			return parse(type, value);
		}
		catch (UnknownEnumValueException ex) {
			throw InvalidInputException.forField(field, ex.getMessage());
		}
	}

	/** A value that names no constant of an enumeration. */
	public static final class UnknownEnumValueException extends IllegalArgumentException {

		UnknownEnumValueException(String value, Class<?> type) {
			super("'" + value + "' is not a valid value; expected one of " + ValueTypes.allowed(type));
		}

	}

}
