package org.borderwatch.source;

import java.time.LocalDate;
import java.util.List;

/** The filters of the source list; empty lists and nulls mean "any". */
record SourceFilter(List<String> publishers, List<SourceKind> kinds, LocalDate from, LocalDate to) {
}
