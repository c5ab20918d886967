package io.flowcast.generator;

import java.util.List;

/** Every message of a (small) run, in emission order, with the ledger of the run. */
public record GeneratedBatch(List<GeneratedMessage> messages, GeneratorLedger ledger) {}
