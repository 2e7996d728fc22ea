package org.borderwatch.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IsoDatesTest {

	@Test
	void readsEveryCanonicalDateAndInstantAsJavaTimeDoes() {
		SplittableRandom random = new SplittableRandom(7);
		long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 20_000; i++) {
			// Whole seconds, milli-, micro- and nanosecond instants in turn.
			int unit = new int[] { 1_000_000_000, 1_000_000, 1_000, 1 }[i % 4];
			Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1),
					random.nextInt(1_000_000_000) / unit * unit % 1_000_000_000);
			String text = instant.toString();
			assertThat(IsoDates.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
			String date = text.substring(0, 10);
			assertThat(IsoDates.parseDate(date)).as(date).isEqualTo(LocalDate.parse(date));
		}
	}

	@Test
	void leavesOtherSpellingsToJavaTime() {
		assertThat(IsoDates.parseInstant("2025-10-12T06:30:00+05:00")).isEqualTo(Instant.parse("2025-10-12T01:30:00Z"));
		assertThat(IsoDates.parseInstant("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
		assertThat(IsoDates.parseInstant("2025-10-12T06:30:00.Z")).isEqualTo(Instant.parse("2025-10-12T06:30:00Z"));
		assertThat(IsoDates.parseDate("+12025-10-12")).isEqualTo(LocalDate.parse("+12025-10-12"));
	}

	@Test
	void refusesWhatJavaTimeRefusesWithItsException() {
		for (String date : List.of("2025-02-30", "2025-13-01", "2025-1-012", "2025/10/12", "２０２５-10-12", "")) {
			assertThatExceptionOfType(DateTimeParseException.class).as(date).isThrownBy(() -> IsoDates.parseDate(date));
		}
		for (String instant : List.of("2025-02-30T00:00:00Z", "2025-10-12T25:00:00Z", "2025-10-12T06:60:00Z",
				"2025-10-12T06:30Z", "2025-10-12T06:30:00.1234567890Z", "2025-10-12 06:30:00Z",
				"2025-10-12T06:30:00")) {
			assertThatExceptionOfType(DateTimeParseException.class).as(instant)
				.isThrownBy(() -> IsoDates.parseInstant(instant));
		}
	}

}
