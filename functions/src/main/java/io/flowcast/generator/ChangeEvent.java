package io.flowcast.generator;

import io.flowcast.cdc.MirrorTable;

/**
 * One good row change as the simulation produces it, before commit times and encoding.
 *
 * @param businessSecond epoch second at which the change happened in the warehouse; commit time
 *     is derived from it and is never earlier
 */
public record ChangeEvent(MirrorTable table, ChangeOp op, Object[] before, Object[] after, long businessSecond) {

    /** The image that carries the key: after, or before for a delete. */
    public Object[] keyImage() {
        return after != null ? after : before;
    }
}
