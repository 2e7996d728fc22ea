package org.borderwatch.incident;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubEventTypeTest {

	@Test
	void coversAcledsTaxonomyOfSixTypesAndTwentyFiveSubTypes() {
		Map<EventType, Long> perType = Arrays.stream(SubEventType.values())
			.collect(Collectors.groupingBy(SubEventType::eventType, Collectors.counting()));

		assertThat(EventType.values()).hasSize(6);
		assertThat(SubEventType.values()).hasSize(25);
		assertThat(perType).containsExactlyInAnyOrderEntriesOf(Map.of(EventType.BATTLES, 3L,
				EventType.EXPLOSIONS_REMOTE_VIOLENCE, 6L, EventType.VIOLENCE_AGAINST_CIVILIANS, 3L, EventType.PROTESTS,
				3L, EventType.RIOTS, 2L, EventType.STRATEGIC_DEVELOPMENTS, 8L));
	}

	@Test
	void knowsAcledsLabelsBothWays() {
		assertThat(SubEventType.AIR_DRONE_STRIKE.label()).isEqualTo("Air/drone strike");
		assertThat(SubEventType.fromLabel("remote explosive/landmine/IED"))
			.hasValue(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
		assertThat(EventType.fromLabel("Explosions/Remote violence")).hasValue(EventType.EXPLOSIONS_REMOTE_VIOLENCE);
		assertThat(SubEventType.fromLabel("Nuclear strike")).isEmpty();
		assertThat(Arrays.stream(SubEventType.values()).map(SubEventType::label).distinct()).hasSize(25);
	}

	@Test
	void aSubTypeBelongsOnlyToItsOwnType() {
		assertThat(SubEventType.ARMED_CLASH.belongsTo(EventType.BATTLES)).isTrue();
		assertThat(SubEventType.ARMED_CLASH.belongsTo(EventType.RIOTS)).isFalse();
		assertThat(SubEventType.of(EventType.RIOTS)).containsExactly(SubEventType.VIOLENT_DEMONSTRATION,
				SubEventType.MOB_VIOLENCE);
	}

}
