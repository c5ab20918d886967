package io.flowcast.warehouse;

import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Whether a job starts from a snapshot ({@code snapshot.date}) and how long the snapshot gate
 * remembers a key changed by CDC ({@code snapshot.gate-ttl}, longer than the file phase lasts).
 */
public record BackfillOptions(LocalDate date, Duration gateTtl) implements Serializable {

    public static BackfillOptions from(FlowcastConfig config) {
        String date = config.string("snapshot.date").trim();
        return new BackfillOptions(date.isEmpty() ? null : LocalDate.parse(date), config.duration("snapshot.gate-ttl"));
    }

    public boolean enabled() {
        return date != null;
    }
}
