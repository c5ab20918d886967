package io.flowcast.records;

/**
 * A version of a source row, keyed by the row's natural key, that a later version replaces or a
 * delete withdraws. A delete carries only the key.
 */
public interface Versioned {

    boolean delete();
}
