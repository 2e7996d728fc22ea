package org.borderwatch.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A dataset file as rows addressed by column name. Takes care of what the published files
 * do to a plain reader: a UTF-8 byte order mark, quoted fields with line breaks (so the
 * line a row starts on is tracked by the parser, never by splitting lines), header names
 * with trailing spaces, an empty last header name (a trailing comma), rows with one field
 * more or less than the header, and the HXL hashtag row that HDX exports put under the
 * header.
 */
final class CsvInput implements Closeable, Iterator<CsvInput.Row> {

	private final CsvReader<CsvRecord> reader;

	private final Iterator<CsvRecord> records;

	private final Map<String, Integer> columns = new HashMap<>();

	private Row next;

	CsvInput(InputStream in) {
		this.reader = CsvReader.builder()
			.detectBomHeader(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(in, StandardCharsets.UTF_8);
		this.records = this.reader.iterator();
		if (!this.records.hasNext()) {
			throw new RowRejectedException(null, "the file is empty: no header row");
		}
		List<String> header = this.records.next().getFields();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(java.util.Locale.ROOT);
			if (!name.isEmpty()) {
				this.columns.putIfAbsent(name, i);
			}
		}
		this.next = read();
		if (this.next != null && this.next.isHxlTags()) {
			this.next = read();
		}
	}

	/** Whether the header names {@code column} (case and surrounding spaces ignored). */
	boolean has(String column) {
		return this.columns.containsKey(column);
	}

	private Row read() {
		try {
			return this.records.hasNext() ? new Row(this.records.next()) : null;
		}
		catch (UncheckedIOException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// fastcsv reports an unclosed quote or an oversized field as a parse error
			throw new RowRejectedException(null, "the file cannot be read as CSV past this point: " + ex.getMessage());
		}
	}

	@Override
	public boolean hasNext() {
		return this.next != null;
	}

	@Override
	public Row next() {
		if (this.next == null) {
			throw new NoSuchElementException();
		}
		Row row = this.next;
		this.next = read();
		return row;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	/** One record of the file, its fields addressed by header name. */
	final class Row {

		private final CsvRecord record;

		Row(CsvRecord record) {
			this.record = record;
		}

		/** The line of the file the record starts on; the header is line 1. */
		long line() {
			return this.record.getStartingLineNumber();
		}

		/**
		 * The field under {@code column}, stripped; null when the column is absent or the
		 * field empty.
		 */
		String text(String column) {
			Integer index = CsvInput.this.columns.get(column);
			if (index == null || index >= this.record.getFieldCount()) {
				return null;
			}
			String value = this.record.getField(index).strip();
			return value.isEmpty() ? null : value;
		}

		/** The first of the columns that the file has and that holds a value. */
		String first(String... columns) {
			for (String column : columns) {
				String value = text(column);
				if (value != null) {
					return value;
				}
			}
			return null;
		}

		/** HDX's HXL row: every non-empty field is a hashtag ({@code #date+year}). */
		boolean isHxlTags() {
			boolean any = false;
			for (String field : this.record.getFields()) {
				String value = field.strip();
				if (!value.isEmpty()) {
					if (!value.startsWith("#")) {
						return false;
					}
					any = true;
				}
			}
			return any;
		}

	}

}
