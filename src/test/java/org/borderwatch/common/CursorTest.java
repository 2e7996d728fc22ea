package org.borderwatch.common;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTest {

	private static final Map<String, Set<String>> PAKISTAN = Map.of("country", Set.of("pak"));

	private final CursorCodec codec = new CursorCodec("test-secret");

	@Test
	void roundTripsItsValuesIncludingEmptyOnes() {
		String token = this.codec.encode(Cursor.of("2025-10-19", "", "0199a1b2-0000-7000-8000-000000000001"), PAKISTAN);

		assertThat(this.codec.decode(token, 3, PAKISTAN).values())
			.isEqualTo(List.of("2025-10-19", "", "0199a1b2-0000-7000-8000-000000000001"));
	}

	@Test
	void rejectsATamperedCursor() {
		String token = this.codec.encode(Cursor.of("alpha", "1"), Map.of());
		String forged = this.codec.encode(Cursor.of("omega", "1"), Map.of()).split("\\.")[0] + "."
				+ token.split("\\.")[1];

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.codec.decode(forged, 2, Map.of()));
	}

	@Test
	void rejectsGarbageAndTheWrongShape() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.codec.decode("garbage", 2, Map.of()));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.codec.decode("a.b", 2, Map.of()));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.codec.decode(this.codec.encode(Cursor.of("only-one"), Map.of()), 2, Map.of()));
	}

	@Test
	void rejectsACursorIssuedForOtherFilters() {
		String token = this.codec.encode(Cursor.of("alpha", "1"), PAKISTAN);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.codec.decode(token, 2, Map.of("country", Set.of("afg"))))
			.withMessageContaining("other filters");
	}

	@Test
	void rejectsACursorSignedWithAnotherKey() {
		String token = new CursorCodec("another-secret").encode(Cursor.of("alpha", "1"), Map.of());

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.codec.decode(token, 2, Map.of()));
	}

	@Test
	void tellsApartFilterSetsThatDifferInOneValue() {
		Set<String> seen = new HashSet<>();
		for (int year = 1989; year <= 2025; year++) {
			for (String country : List.of("pak", "afg", "irn", "ind")) {
				String fingerprint = CursorCodec
					.fingerprint(Map.of("country", Set.of(country), "from", Set.of(year + "-01-01")));
				assertThat(fingerprint).hasSize(8);
				assertThat(seen.add(fingerprint)).as(country + " " + year).isTrue();
			}
		}
		assertThat(CursorCodec.fingerprint(new TreeMap<>(PAKISTAN))).as("the same filters, the same fingerprint")
			.isEqualTo(CursorCodec.fingerprint(PAKISTAN));
	}

}
