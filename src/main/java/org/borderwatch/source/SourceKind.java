package org.borderwatch.source;

/**
 * What kind of publication a source is; state media and official statements are parties'
 * voices.
 */
public enum SourceKind {

	NEWS_AGENCY, STATE_MEDIA, OFFICIAL_STATEMENT, NGO_REPORT, SOCIAL_MEDIA, DATASET, OTHER

}
