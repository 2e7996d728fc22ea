package org.borderwatch.incident;

import java.time.LocalDate;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.DomainRuleException;

/**
 * A clash, strike, attack or other event: when and where it happened, of which ACLED
 * type, who took part, how many were killed and wounded by whose count, and who claimed,
 * blamed or denied it. The headline figures ({@code fatalities}, {@code wounded}) are
 * kept here on every change of the figures, so lists can filter on them without reading
 * the figures; each is null when no curated figure of its outcome exists (not reported is
 * not zero).
 */
@Entity
@Table(name = "incident")
class Incident extends AbstractAggregate {

	@Column(nullable = false)
	private String title;

	private String description;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "end_date", nullable = false)
	private LocalDate endDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "date_precision", nullable = false)
	private DatePrecision datePrecision;

	@Enumerated(EnumType.STRING)
	@Column(name = "event_type", nullable = false)
	private EventType eventType;

	@Enumerated(EnumType.STRING)
	@Column(name = "sub_event_type", nullable = false)
	private SubEventType subEventType;

	@Column(name = "place_name")
	private String placeName;

	@Column(name = "admin1")
	private String admin1;

	@Column(name = "admin2")
	private String admin2;

	private String country;

	/** The countries besides {@code country}; the database adds them up in countries. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "other_countries", nullable = false)
	private List<String> otherCountries = new ArrayList<>();

	private Double latitude;

	private Double longitude;

	@Enumerated(EnumType.STRING)
	@Column(name = "geo_precision")
	private GeoPrecision geoPrecision;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VerificationStatus verification = VerificationStatus.REPORTED;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "tags", nullable = false)
	private List<String> tags = new ArrayList<>();

	@Column(name = "external_dataset")
	private String externalDataset;

	@Column(name = "external_id")
	private String externalId;

	private Integer fatalities;

	private Integer wounded;

	@Column(name = "earliest_start")
	private LocalDate earliestStart;

	@Enumerated(EnumType.STRING)
	@Column(name = "earliest_start_precision")
	private DatePrecision earliestStartPrecision;

	@Column(name = "earliest_start_note")
	private String earliestStartNote;

	@Column(name = "latest_end")
	private LocalDate latestEnd;

	@Enumerated(EnumType.STRING)
	@Column(name = "latest_end_precision")
	private DatePrecision latestEndPrecision;

	@Column(name = "latest_end_note")
	private String latestEndNote;

	@ElementCollection
	@CollectionTable(name = "incident_actor", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderColumn(name = "position")
	private List<Involvement> actors = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "casualty_figure", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderColumn(name = "position")
	private List<CasualtyFigure> casualties = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "incident_claim", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderColumn(name = "position")
	private List<Claim> claims = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "incident_source", joinColumns = @JoinColumn(name = "incident_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	protected Incident() {
	}

	Incident(String title, LocalDate startDate, DatePrecision datePrecision, EventType eventType,
			SubEventType subEventType) {
		describe(title, null);
		schedule(startDate, null, datePrecision);
		classify(eventType, subEventType);
	}

	void describe(String title, String description) {
		this.title = Objects.requireNonNull(title, "title").strip();
		this.description = description;
	}

	/**
	 * Rule: an incident ends on or after the day it starts. Without an end date it is a
	 * one-day incident ending when it starts. A MONTH-precision incident in October 2025
	 * is best given as 2025-10-01 to 2025-10-31, so that date-range filters find it on
	 * any day of October.
	 */
	void schedule(LocalDate startDate, LocalDate endDate, DatePrecision datePrecision) {
		Objects.requireNonNull(startDate, "startDate");
		LocalDate end = (endDate != null) ? endDate : startDate;
		if (end.isBefore(startDate)) {
			throw new DomainRuleException("endDate", "must not be before startDate (" + startDate + ")");
		}
		this.startDate = startDate;
		this.endDate = end;
		this.datePrecision = Objects.requireNonNull(datePrecision, "datePrecision");
	}

	/**
	 * Rule: bounds narrow the period, they never widen it. A report that names a coarse
	 * period ("October 2025") often bounds it too ("began after the explosions of 9
	 * October", "stopped with the ceasefire of 19 October"): the incident took place on
	 * or after {@code startedOnOrAfter} and on or before {@code endedOnOrBefore}. Each
	 * lies within [startDate, endDate], and the first is not after the second. The
	 * timeline sorts by the earliest day so known, and windows and statistics count the
	 * range so narrowed. Call after {@link #schedule}.
	 */
	void bound(IncidentDateBound startedOnOrAfter, IncidentDateBound endedOnOrBefore) {
		requireWithinPeriod("startedOnOrAfter", startedOnOrAfter);
		requireWithinPeriod("endedOnOrBefore", endedOnOrBefore);
		if (startedOnOrAfter != null && endedOnOrBefore != null
				&& endedOnOrBefore.date().isBefore(startedOnOrAfter.date())) {
			throw new DomainRuleException("endedOnOrBefore.date",
					"must not be before startedOnOrAfter (" + startedOnOrAfter.date() + ")");
		}
		this.earliestStart = (startedOnOrAfter != null) ? startedOnOrAfter.date() : null;
		this.earliestStartPrecision = (startedOnOrAfter != null) ? startedOnOrAfter.precision() : null;
		this.earliestStartNote = (startedOnOrAfter != null) ? strip(startedOnOrAfter.note()) : null;
		this.latestEnd = (endedOnOrBefore != null) ? endedOnOrBefore.date() : null;
		this.latestEndPrecision = (endedOnOrBefore != null) ? endedOnOrBefore.precision() : null;
		this.latestEndNote = (endedOnOrBefore != null) ? strip(endedOnOrBefore.note()) : null;
	}

	private void requireWithinPeriod(String field, IncidentDateBound bound) {
		if (bound != null && (bound.date().isBefore(this.startDate) || bound.date().isAfter(this.endDate))) {
			throw new DomainRuleException(field + ".date",
					"must lie within startDate..endDate (" + this.startDate + ".." + this.endDate + ")");
		}
	}

	/** Rule: the sub-event type belongs to the event type, as in ACLED's taxonomy. */
	void classify(EventType eventType, SubEventType subEventType) {
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(subEventType, "subEventType");
		if (!subEventType.belongsTo(eventType)) {
			throw new DomainRuleException("subEventType", subEventType + " belongs to " + subEventType.eventType()
					+ ", not " + eventType + "; sub-types of " + eventType + ": " + SubEventType.of(eventType));
		}
		this.eventType = eventType;
		this.subEventType = subEventType;
	}

	/**
	 * Rules: latitude and longitude come together or not at all; {@code country}, when
	 * given, is one of the incident's countries (added when {@code countries} leaves it
	 * out). A null location clears the place.
	 */
	void locate(IncidentLocation location) {
		IncidentLocation place = (location != null) ? location
				: new IncidentLocation(null, null, null, null, null, null, null);
		if (place.latitude() != null && place.longitude() == null) {
			throw new DomainRuleException("location.longitude", "is required when latitude is given");
		}
		if (place.longitude() != null && place.latitude() == null) {
			throw new DomainRuleException("location.latitude", "is required when longitude is given");
		}
		this.placeName = strip(place.placeName());
		this.admin1 = strip(place.admin1());
		this.admin2 = strip(place.admin2());
		this.country = place.country();
		List<String> others = place.countries()
			.stream()
			.filter((code) -> !code.equals(place.country()))
			.distinct()
			.toList();
		if (!this.otherCountries.equals(others)) {
			this.otherCountries = new ArrayList<>(others);
		}
		this.latitude = place.latitude();
		this.longitude = place.longitude();
		this.geoPrecision = place.geoPrecision();
	}

	/** Rule: an actor appears at most once in the same role. */
	void involve(List<Involvement> actors) {
		Set<Involvement> seen = new HashSet<>();
		for (int i = 0; i < actors.size(); i++) {
			if (!seen.add(actors.get(i))) {
				throw new DomainRuleException("actors[" + i + "].actorId",
						"is listed twice as " + actors.get(i).role());
			}
		}
		replace(this.actors, actors);
	}

	/**
	 * Rule: every figure has low &lt;= best &lt;= high (low and high are optional). The
	 * headline figures are then recomputed from the curated ones (those without a
	 * claimant): claims never move the headline, however loud.
	 */
	void recordCasualties(List<CasualtyFigure> casualties) {
		for (int i = 0; i < casualties.size(); i++) {
			CasualtyFigure figure = casualties.get(i);
			if (figure.low() != null && figure.low() > figure.best()) {
				throw new DomainRuleException("casualties[" + i + "].low",
						"must not exceed best (" + figure.best() + ")");
			}
			if (figure.high() != null && figure.high() < figure.best()) {
				throw new DomainRuleException("casualties[" + i + "].high",
						"must not be below best (" + figure.best() + ")");
			}
		}
		replace(this.casualties, casualties);
		CasualtyTotal killed = curatedTotal(CasualtyOutcome.KILLED);
		CasualtyTotal wounded = curatedTotal(CasualtyOutcome.WOUNDED);
		this.fatalities = (killed != null) ? killed.best() : null;
		this.wounded = (wounded != null) ? wounded.best() : null;
	}

	/**
	 * Rules: only accusations and denials name an accused actor (a claim of
	 * responsibility names none: the claimant is the one responsible), and no actor
	 * accuses itself.
	 */
	void recordClaims(List<Claim> claims) {
		for (int i = 0; i < claims.size(); i++) {
			Claim claim = claims.get(i);
			if (claim.accusedActorId() == null) {
				continue;
			}
			if (!claim.stance().mayNameAccused()) {
				throw new DomainRuleException("claims[" + i + "].accusedActorId",
						"only ACCUSES and DENIES name an accused actor, not " + claim.stance());
			}
			if (claim.accusedActorId().equals(claim.actorId())) {
				throw new DomainRuleException("claims[" + i + "].accusedActorId", "an actor cannot accuse itself");
			}
		}
		replace(this.claims, claims);
	}

	void assess(VerificationStatus verification) {
		this.verification = Objects.requireNonNullElse(verification, VerificationStatus.REPORTED);
	}

	void tag(List<String> tags) {
		this.tags = new ArrayList<>(tags.stream().map(String::strip).distinct().toList());
	}

	void cite(Set<UUID> sourceIds) {
		this.sourceIds.retainAll(sourceIds);
		this.sourceIds.addAll(sourceIds);
	}

	/** Links the incident to the dataset record it came from, or unlinks it with null. */
	void importedFrom(ExternalRef externalRef) {
		this.externalDataset = (externalRef != null) ? externalRef.dataset().strip() : null;
		this.externalId = (externalRef != null) ? externalRef.id().strip() : null;
	}

	/**
	 * Replaces a collection's content only when it differs: clearing a persistent list
	 * marks it changed even when the same items return, which would rewrite its rows and
	 * bump the version on a request that changed nothing.
	 */
	private static <T> void replace(List<T> current, List<T> next) {
		if (!current.equals(next)) {
			current.clear();
			current.addAll(next);
		}
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	String getTitle() {
		return this.title;
	}

	String getDescription() {
		return this.description;
	}

	LocalDate getStartDate() {
		return this.startDate;
	}

	LocalDate getEndDate() {
		return this.endDate;
	}

	DatePrecision getDatePrecision() {
		return this.datePrecision;
	}

	EventType getEventType() {
		return this.eventType;
	}

	SubEventType getSubEventType() {
		return this.subEventType;
	}

	/** The place, or null when nothing about it is known. */
	IncidentLocation getLocation() {
		List<String> countries = new ArrayList<>();
		if (this.country != null) {
			countries.add(this.country);
		}
		countries.addAll(this.otherCountries);
		IncidentLocation location = new IncidentLocation(this.placeName, this.admin1, this.admin2, this.country,
				this.latitude, this.longitude, this.geoPrecision, countries);
		return location.isEmpty() ? null : location;
	}

	/** The day on or after which it began, when a report bounds it; null otherwise. */
	IncidentDateBound getStartedOnOrAfter() {
		return (this.earliestStart != null)
				? new IncidentDateBound(this.earliestStart, this.earliestStartPrecision, this.earliestStartNote) : null;
	}

	/** The day on or before which it ended, when a report bounds it; null otherwise. */
	IncidentDateBound getEndedOnOrBefore() {
		return (this.latestEnd != null)
				? new IncidentDateBound(this.latestEnd, this.latestEndPrecision, this.latestEndNote) : null;
	}

	VerificationStatus getVerification() {
		return this.verification;
	}

	List<String> getTags() {
		return List.copyOf(this.tags);
	}

	ExternalRef getExternalRef() {
		return (this.externalDataset != null) ? new ExternalRef(this.externalDataset, this.externalId) : null;
	}

	/** Sum of the curated best estimates of the killed; null when not reported. */
	Integer getFatalities() {
		return this.fatalities;
	}

	/** Sum of the curated best estimates of the wounded; null when not reported. */
	Integer getWounded() {
		return this.wounded;
	}

	/**
	 * The curated (claimant-less) figures of {@code outcome}, added up across categories;
	 * null when there is none: a figure not reported is unknown, not zero. A curated
	 * figure of 0 (a dataset's explicit zero) makes a total of 0.
	 */
	CasualtyTotal curatedTotal(CasualtyOutcome outcome) {
		List<CasualtyFigure> curated = this.casualties.stream()
			.filter((figure) -> figure.isCurated() && figure.outcome() == outcome)
			.toList();
		return curated.isEmpty() ? null : CasualtyTotal.of(curated);
	}

	List<Involvement> getActors() {
		return List.copyOf(this.actors);
	}

	List<CasualtyFigure> getCasualties() {
		return List.copyOf(this.casualties);
	}

	List<Claim> getClaims() {
		return List.copyOf(this.claims);
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

}
