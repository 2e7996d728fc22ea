package org.borderwatch.source;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.borderwatch.common.AbstractAggregate;

/**
 * Where a fact comes from: a news report, a state broadcaster, an official statement, a
 * dataset. Every other record cites sources by id, so each fact can be traced to who said
 * it.
 */
@Entity
@Table(name = "source")
class Source extends AbstractAggregate {

	@Column(nullable = false)
	private String publisher;

	@Column(nullable = false)
	private String title;

	private String url;

	@Column(name = "published_on")
	private LocalDate publishedOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SourceKind kind;

	private String language;

	protected Source() {
	}

	Source(String publisher, String title, SourceKind kind) {
		describe(publisher, title, kind, null, null, null);
	}

	void describe(String publisher, String title, SourceKind kind, String url, LocalDate publishedOn, String language) {
		this.publisher = Objects.requireNonNull(publisher, "publisher").strip();
		this.title = Objects.requireNonNull(title, "title").strip();
		this.kind = Objects.requireNonNull(kind, "kind");
		this.url = (url == null || url.isBlank()) ? null : url.strip();
		this.publishedOn = publishedOn;
		this.language = language;
	}

	String getPublisher() {
		return this.publisher;
	}

	String getTitle() {
		return this.title;
	}

	String getUrl() {
		return this.url;
	}

	LocalDate getPublishedOn() {
		return this.publishedOn;
	}

	SourceKind getKind() {
		return this.kind;
	}

	String getLanguage() {
		return this.language;
	}

}
