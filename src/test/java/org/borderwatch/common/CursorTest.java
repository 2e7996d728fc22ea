package org.borderwatch.common;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTest {

	@Test
	void roundTripsItsValuesIncludingEmptyOnes() {
		String token = Cursor.of("2025-10-19", "", "0199a1b2-0000-7000-8000-000000000001").encode();

		assertThat(Cursor.decode(token, 3).values())
			.isEqualTo(List.of("2025-10-19", "", "0199a1b2-0000-7000-8000-000000000001"));
	}

	@Test
	void refusesAnEditedPayload() {
		String token = Cursor.of("alpha", "1").encode();
		String forged = Cursor.of("omega", "1").encode().split("\\.")[0] + "." + token.split("\\.")[1];

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Cursor.decode(forged, 2));
	}

	@Test
	void refusesGarbageAndTheWrongShape() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Cursor.decode("garbage", 2));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Cursor.decode("a.b", 2));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Cursor.decode(Cursor.of("only-one").encode(), 2));
	}

}
