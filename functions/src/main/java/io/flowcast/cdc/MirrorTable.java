package io.flowcast.cdc;

import static io.flowcast.cdc.Column.amount;
import static io.flowcast.cdc.Column.key;
import static io.flowcast.cdc.Column.optional;
import static io.flowcast.cdc.Column.required;
import static io.flowcast.cdc.Column.requiredAmount;
import static io.flowcast.cdc.ColumnType.BIGINT;
import static io.flowcast.cdc.ColumnType.BOOLEAN;
import static io.flowcast.cdc.ColumnType.DATE;
import static io.flowcast.cdc.ColumnType.INT;
import static io.flowcast.cdc.ColumnType.TEXT;
import static io.flowcast.cdc.ColumnType.TIMESTAMP;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The five warehouse tables Flowcast mirrors (seed 004), their Debezium topics, natural keys and
 * the PostgreSQL mirror tables they land in.
 *
 * <p>This enum is the single definition of the CDC contract: the decoder validates against it,
 * the PostgreSQL sink builds its statements from it, the migration {@code V1} creates the same
 * columns, and the synthetic generator writes events that follow it. Source field names are the
 * warehouse's (Portuguese); PostgreSQL column names are English, as the ML tables use them.
 *
 * <p>Every mirror table also gets the derived columns {@code month, quarter, day_of_week,
 * is_weekend} from its event-time column, and {@code value_total} where the row carries an amount
 * (all but the product master), plus lineage columns (source op, commit time, topic, partition,
 * offset, LSN, ingestion time).
 */
public enum MirrorTable {
    PRODUCT_MASTER(
            "inventory",
            "product_master",
            "ml_product_master",
            "ultima_atualizacao",
            List.of(
                    key("codigo_produto", "product_code", TEXT),
                    required("descricao", "description", TEXT),
                    optional("categoria", "category", TEXT),
                    optional("unidade_medida", "unit", TEXT),
                    amount("preco_venda", "list_price"),
                    amount("custo_padrao", "standard_cost"),
                    amount("estoque_minimo", "min_stock"),
                    amount("estoque_maximo", "max_stock"),
                    new Column("lead_time_dias", "lead_time_days", INT, false, false, true),
                    optional("ativo", "active", BOOLEAN),
                    optional("critico", "critical", BOOLEAN),
                    required("ultima_atualizacao", "updated_at", TIMESTAMP))),

    INVENTORY_TRANSACTIONS(
            "inventory",
            "transactions",
            "ml_inventory_transactions",
            "data_movimentacao",
            List.of(
                    key("id_movimentacao", "transaction_id", BIGINT),
                    required("codigo_produto", "product_code", TEXT),
                    required("tipo_movimentacao", "transaction_type", TEXT),
                    // Signed only for AJUSTE (inventory count adjustments); see CdcValidator.
                    required("quantidade", "quantity", ColumnType.DECIMAL),
                    requiredAmount("custo_unitario", "unit_cost"),
                    required("data_movimentacao", "moved_at", TIMESTAMP),
                    required("deposito", "warehouse", TEXT),
                    optional("fornecedor", "supplier", TEXT),
                    optional("cliente", "customer", TEXT),
                    optional("documento", "document", TEXT))),

    STOCK_LEVELS(
            "inventory",
            "stock_levels",
            "ml_stock_levels",
            "data_atualizacao",
            List.of(
                    key("codigo_produto", "product_code", TEXT),
                    key("deposito", "warehouse", TEXT),
                    requiredAmount("quantidade_disponivel", "on_hand"),
                    amount("quantidade_reservada", "reserved"),
                    amount("quantidade_transito", "in_transit"),
                    amount("custo_medio", "average_cost"),
                    required("data_atualizacao", "updated_at", TIMESTAMP))),

    SALES_ORDERS(
            "sales",
            "orders",
            "ml_sales_orders",
            "data_pedido",
            List.of(
                    key("numero_pedido", "order_number", TEXT),
                    key("item", "line_number", INT),
                    required("codigo_produto", "product_code", TEXT),
                    optional("cliente", "customer", TEXT),
                    required("regiao", "region", TEXT),
                    requiredAmount("quantidade", "quantity"),
                    amount("quantidade_atendida", "quantity_fulfilled"),
                    requiredAmount("preco_unitario", "unit_price"),
                    amount("desconto", "discount"),
                    optional("promocao", "promotion", BOOLEAN),
                    optional("status", "status", TEXT),
                    required("data_pedido", "ordered_at", TIMESTAMP))),

    PURCHASES(
            "procurement",
            "purchases",
            "ml_purchases",
            "data_compra",
            List.of(
                    key("numero_compra", "purchase_number", TEXT),
                    key("item", "line_number", INT),
                    required("codigo_produto", "product_code", TEXT),
                    required("fornecedor", "supplier", TEXT),
                    optional("deposito", "warehouse", TEXT),
                    requiredAmount("quantidade", "quantity"),
                    requiredAmount("custo_unitario", "unit_cost"),
                    required("data_compra", "ordered_at", TIMESTAMP),
                    optional("data_entrega_prevista", "expected_delivery", DATE),
                    optional("data_recebimento", "received_at", TIMESTAMP),
                    optional("status", "status", TEXT)));

    /** Prefix of every CDC topic: {@code castrolanda.<schema>.<table>}. */
    public static final String TOPIC_PREFIX = "castrolanda.";

    /** Regions the sales channel uses (seed 003). */
    public static final Set<String> REGIONS = Set.of("SP", "GO", "MG", "EX", "RS", "PR");

    /** Movement types of {@code inventory.transactions}; AJUSTE may carry a negative quantity. */
    public static final Set<String> TRANSACTION_TYPES =
            Set.of("ENTRADA", "SAIDA", "AJUSTE", "TRANSFERENCIA", "DEVOLUCAO");

    /** Most columns a mirrored table may have (see {@code MirrorChangeSerializer}). */
    public static final int MAX_COLUMNS = Long.SIZE;

    private static final Map<String, MirrorTable> BY_TOPIC = new HashMap<>();

    static {
        for (MirrorTable table : values()) {
            BY_TOPIC.put(table.topic(), table);
        }
    }

    private final String sourceSchema;
    private final String sourceTable;
    private final String mirrorTable;
    private final List<Column> columns;
    private final int[] keyIndexes;
    private final int eventTimeIndex;
    /** Source column name -> index: looked up per field of every decoded message. */
    private final Map<String, Integer> indexBySource;

    MirrorTable(
            String sourceSchema,
            String sourceTable,
            String mirrorTable,
            String eventTimeColumn,
            List<Column> columns) {
        this.sourceSchema = sourceSchema;
        this.sourceTable = sourceTable;
        this.mirrorTable = mirrorTable;
        if (columns.size() > MAX_COLUMNS) {
            // MirrorChangeSerializer keeps the row's null flags in one long.
            throw new IllegalArgumentException(mirrorTable + " has more than " + MAX_COLUMNS + " columns");
        }
        this.columns = columns;
        this.keyIndexes =
                java.util.stream.IntStream.range(0, columns.size())
                        .filter(i -> columns.get(i).key())
                        .toArray();
        this.eventTimeIndex = indexOf(columns, eventTimeColumn);
        Map<String, Integer> bySource = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            bySource.put(columns.get(i).source(), i);
        }
        this.indexBySource = Map.copyOf(bySource);
    }

    private static int indexOf(List<Column> columns, String source) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).source().equals(source)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + source);
    }

    /** Kafka topic of this table, e.g. {@code castrolanda.inventory.transactions}. */
    public String topic() {
        return TOPIC_PREFIX + sourceSchema + "." + sourceTable;
    }

    /** Resolves a topic name; empty for a topic that carries no table we know. */
    public static Optional<MirrorTable> forTopic(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }

    public String sourceSchema() {
        return sourceSchema;
    }

    public String sourceTable() {
        return sourceTable;
    }

    /** PostgreSQL table in schema {@code flowcast}. */
    public String mirrorTable() {
        return mirrorTable;
    }

    /** Columns in storage order; rows are {@code Object[]} aligned with this list. */
    public List<Column> columns() {
        return columns;
    }

    /** Indexes of the natural-key columns in {@link #columns()}. */
    public int[] keyIndexes() {
        return keyIndexes.clone();
    }

    /** Index of the column whose value is the business event time (derived fields use it). */
    public int eventTimeIndex() {
        return eventTimeIndex;
    }

    /** Index of a column by its source name; -1 when absent. */
    public int indexOfSource(String source) {
        Integer index = indexBySource.get(source);
        return index == null ? -1 : index;
    }

    /** Whether the mirror table has a {@code value_total} column. */
    public boolean hasValueTotal() {
        return this != PRODUCT_MASTER;
    }

    /**
     * Monetary value of a row: quantity x unit cost (or price net of discount for sales, on-hand
     * x average cost for stock). Null where an operand is null or the table has no amount.
     */
    public BigDecimal valueTotal(Object[] row) {
        switch (this) {
            case INVENTORY_TRANSACTIONS:
            case PURCHASES:
                return multiply(row[indexOfSource("quantidade")], row[indexOfSource("custo_unitario")]);
            case STOCK_LEVELS:
                return multiply(
                        row[indexOfSource("quantidade_disponivel")], row[indexOfSource("custo_medio")]);
            case SALES_ORDERS:
                BigDecimal gross =
                        multiply(row[indexOfSource("quantidade")], row[indexOfSource("preco_unitario")]);
                Object discount = row[indexOfSource("desconto")];
                if (gross == null || discount == null) {
                    return gross;
                }
                return gross.multiply(BigDecimal.ONE.subtract((BigDecimal) discount));
            default:
                return null;
        }
    }

    private static BigDecimal multiply(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return ((BigDecimal) a).multiply((BigDecimal) b);
    }

    /** Natural key of a row as a compact string (key parts joined by U+001F), for maps and Redis. */
    public String keyString(Object[] row) {
        if (keyIndexes.length == 1) {
            return String.valueOf(row[keyIndexes[0]]);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            if (i > 0) {
                sb.append('\u001f');
            }
            sb.append(row[keyIndexes[i]]);
        }
        return sb.toString();
    }

    /** {@code schema.table} as the warehouse names it. */
    public String qualifiedSourceName() {
        return sourceSchema + "." + sourceTable;
    }
}
