package org.borderwatch.common;

/**
 * The tables whose rows other records refer to by id. Naming them here keeps table names
 * out of request handling: only these constants ever reach SQL text.
 */
public enum RecordTable {

	ACTOR("actor", "actor"), SOURCE("source", "source"), INCIDENT("incident", "incident"),
	CEASEFIRE("ceasefire", "ceasefire"), NEGOTIATION("negotiation", "negotiation"),
	TALKS_ROUND("talks_round", "talks round"), CROSSING("border_crossing", "border crossing");

	private final String tableName;

	private final String resource;

	RecordTable(String tableName, String resource) {
		this.tableName = tableName;
		this.resource = resource;
	}

	public String tableName() {
		return this.tableName;
	}

	public String resource() {
		return this.resource;
	}

}
