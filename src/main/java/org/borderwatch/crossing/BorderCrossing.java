package org.borderwatch.crossing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DomainRuleException;

/**
 * A place where people and goods cross between two countries (Torkham, Chaman). Its
 * status is not stored here: it is derived from its {@link CrossingStatusChange history},
 * so the two can never disagree.
 */
@Entity
@Table(name = "border_crossing")
class BorderCrossing extends AbstractAggregate {

	@Column(nullable = false)
	private String name;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "alternate_names", nullable = false)
	private List<String> alternateNames = new ArrayList<>();

	@Column(name = "country_a", nullable = false)
	private String countryA;

	@Column(name = "country_b", nullable = false)
	private String countryB;

	private Double latitude;

	private Double longitude;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CrossingKind kind;

	private String description;

	@ElementCollection
	@CollectionTable(name = "crossing_source", joinColumns = @JoinColumn(name = "crossing_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	protected BorderCrossing() {
	}

	BorderCrossing(String name, String countryA, String countryB, CrossingKind kind) {
		rename(name);
		connect(countryA, countryB);
		describe(kind, null, List.of());
	}

	void rename(String name) {
		this.name = Objects.requireNonNull(name, "name").strip();
	}

	/**
	 * A crossing joins two different countries: a checkpoint inside one country is not a
	 * crossing.
	 */
	void connect(String countryA, String countryB) {
		Objects.requireNonNull(countryA, "countryA");
		Objects.requireNonNull(countryB, "countryB");
		if (countryA.equals(countryB)) {
			throw new DomainRuleException("countryB", "must differ from countryA: a crossing joins two countries");
		}
		this.countryA = countryA;
		this.countryB = countryB;
	}

	/**
	 * A position needs both coordinates or none: half a position would put the crossing
	 * on the equator or the prime meridian in every map that reads it.
	 */
	void locate(Double latitude, Double longitude) {
		if (latitude != null && longitude == null) {
			throw new DomainRuleException("longitude", "must be given together with latitude");
		}
		if (latitude == null && longitude != null) {
			throw new DomainRuleException("latitude", "must be given together with longitude");
		}
		this.latitude = latitude;
		this.longitude = longitude;
	}

	void describe(CrossingKind kind, String description, List<String> alternateNames) {
		this.kind = Objects.requireNonNull(kind, "kind");
		this.description = description;
		this.alternateNames = new ArrayList<>(alternateNames.stream().map(String::strip).distinct().toList());
	}

	void cite(Set<UUID> sourceIds) {
		this.sourceIds.retainAll(sourceIds);
		this.sourceIds.addAll(sourceIds);
	}

	String getName() {
		return this.name;
	}

	List<String> getAlternateNames() {
		return List.copyOf(this.alternateNames);
	}

	String getCountryA() {
		return this.countryA;
	}

	String getCountryB() {
		return this.countryB;
	}

	Double getLatitude() {
		return this.latitude;
	}

	Double getLongitude() {
		return this.longitude;
	}

	CrossingKind getKind() {
		return this.kind;
	}

	String getDescription() {
		return this.description;
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

}
