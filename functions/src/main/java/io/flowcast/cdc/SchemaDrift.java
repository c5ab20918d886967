package io.flowcast.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How one row image departs from the CDC contract ({@link MirrorTable}): fields the contract does
 * not know (a column added at the source) and contract fields absent from the image (a column
 * dropped or renamed). A required field that is absent never gets here: the decoder rejects the
 * message ({@code MISSING_FIELD}); drift of optional fields is accepted and only
 * reported, so the mirror keeps running while the data-quality monitor raises it.
 *
 * @param unknownFields source field names outside the contract, in image order
 * @param missingFields contract source field names absent from the image, in contract order
 */
public record SchemaDrift(List<String> unknownFields, List<String> missingFields) implements Serializable {

    public static final SchemaDrift NONE = new SchemaDrift(List.of(), List.of());

    public boolean isNone() {
        return unknownFields.isEmpty() && missingFields.isEmpty();
    }

    /** The drift of an insert/update image against {@code table}'s columns. */
    public static SchemaDrift of(MirrorTable table, JsonNode image) {
        List<Column> columns = table.columns();
        List<String> missing = List.of();
        int present = 0;
        for (Column column : columns) {
            if (image.has(column.source())) {
                present++;
            } else {
                if (missing.isEmpty()) {
                    missing = new ArrayList<>(2);
                }
                missing.add(column.source());
            }
        }
        // The common case (every field known, none extra) costs one lookup per column.
        if (present == image.size() && missing.isEmpty()) {
            return NONE;
        }
        List<String> unknown = List.of();
        if (image.size() > present) {
            unknown = new ArrayList<>(image.size() - present);
            for (Iterator<String> names = image.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (table.indexOfSource(name) < 0) {
                    unknown.add(name);
                }
            }
        }
        return new SchemaDrift(List.copyOf(unknown), List.copyOf(missing));
    }
}
