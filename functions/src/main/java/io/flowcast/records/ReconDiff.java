package io.flowcast.records;

import io.flowcast.reconcile.DiffKind;

/** A key on which the PG mirror disagrees with the source (see {@link DiffKind}). */
public record ReconDiff(int table, String key, DiffKind kind, String sourceHash, String mirrorHash) {}
