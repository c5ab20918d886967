-- Mirror of the warehouse tables (seed 004), written by InventoryMirrorJob.
--
-- Column lists follow io.flowcast.cdc.MirrorTable, the single definition of the CDC contract
-- (MirrorSchemaTest checks that both agree). Every table has:
--   * the natural key of the source as primary key (upserts are ON CONFLICT on it);
--   * derived fields computed in the pipeline from the row's event time: month, quarter,
--     day_of_week (ISO: 1 = Monday .. 7 = Sunday), is_weekend, and value_total where the row
--     carries an amount;
--   * lineage: the Debezium op, the source commit time (source_ts), the Kafka position the row
--     came from and the source LSN, and when Flowcast wrote it (ingested_at).

CREATE TABLE ml_product_master (
    product_code      text PRIMARY KEY,
    description       text        NOT NULL,
    category          text,
    unit              text,
    list_price        numeric,
    standard_cost     numeric,
    min_stock         numeric,
    max_stock         numeric,
    lead_time_days    integer,
    active            boolean,
    critical          boolean,
    updated_at        timestamptz NOT NULL,
    month             smallint    NOT NULL,
    quarter           smallint    NOT NULL,
    day_of_week       smallint    NOT NULL,
    is_weekend        boolean     NOT NULL,
    source_op         char(1)     NOT NULL,
    source_ts         timestamptz,
    source_topic      text        NOT NULL,
    source_partition  integer     NOT NULL,
    source_offset     bigint      NOT NULL,
    source_lsn        text,
    ingested_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ml_inventory_transactions (
    transaction_id    bigint PRIMARY KEY,
    product_code      text        NOT NULL,
    transaction_type  text        NOT NULL,
    quantity          numeric     NOT NULL,
    unit_cost         numeric     NOT NULL,
    moved_at          timestamptz NOT NULL,
    warehouse         text        NOT NULL,
    supplier          text,
    customer          text,
    document          text,
    value_total       numeric,
    month             smallint    NOT NULL,
    quarter           smallint    NOT NULL,
    day_of_week       smallint    NOT NULL,
    is_weekend        boolean     NOT NULL,
    source_op         char(1)     NOT NULL,
    source_ts         timestamptz,
    source_topic      text        NOT NULL,
    source_partition  integer     NOT NULL,
    source_offset     bigint      NOT NULL,
    source_lsn        text,
    ingested_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ml_inventory_transactions_product_time ON ml_inventory_transactions (product_code, moved_at);

CREATE TABLE ml_stock_levels (
    product_code      text        NOT NULL,
    warehouse         text        NOT NULL,
    on_hand           numeric     NOT NULL,
    reserved          numeric,
    in_transit        numeric,
    average_cost      numeric,
    updated_at        timestamptz NOT NULL,
    value_total       numeric,
    month             smallint    NOT NULL,
    quarter           smallint    NOT NULL,
    day_of_week       smallint    NOT NULL,
    is_weekend        boolean     NOT NULL,
    source_op         char(1)     NOT NULL,
    source_ts         timestamptz,
    source_topic      text        NOT NULL,
    source_partition  integer     NOT NULL,
    source_offset     bigint      NOT NULL,
    source_lsn        text,
    ingested_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, warehouse)
);

CREATE TABLE ml_sales_orders (
    order_number       text        NOT NULL,
    line_number        integer     NOT NULL,
    product_code       text        NOT NULL,
    customer           text,
    region             text        NOT NULL,
    quantity           numeric     NOT NULL,
    quantity_fulfilled numeric,
    unit_price         numeric     NOT NULL,
    discount           numeric,
    promotion          boolean,
    status             text,
    ordered_at         timestamptz NOT NULL,
    value_total        numeric,
    month              smallint    NOT NULL,
    quarter            smallint    NOT NULL,
    day_of_week        smallint    NOT NULL,
    is_weekend         boolean     NOT NULL,
    source_op          char(1)     NOT NULL,
    source_ts          timestamptz,
    source_topic       text        NOT NULL,
    source_partition   integer     NOT NULL,
    source_offset      bigint      NOT NULL,
    source_lsn         text,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_number, line_number)
);
CREATE INDEX ml_sales_orders_series_time ON ml_sales_orders (product_code, region, ordered_at);

CREATE TABLE ml_purchases (
    purchase_number   text        NOT NULL,
    line_number       integer     NOT NULL,
    product_code      text        NOT NULL,
    supplier          text        NOT NULL,
    warehouse         text,
    quantity          numeric     NOT NULL,
    unit_cost         numeric     NOT NULL,
    ordered_at        timestamptz NOT NULL,
    expected_delivery date,
    received_at       timestamptz,
    status            text,
    value_total       numeric,
    month             smallint    NOT NULL,
    quarter           smallint    NOT NULL,
    day_of_week       smallint    NOT NULL,
    is_weekend        boolean     NOT NULL,
    source_op         char(1)     NOT NULL,
    source_ts         timestamptz,
    source_topic      text        NOT NULL,
    source_partition  integer     NOT NULL,
    source_offset     bigint      NOT NULL,
    source_lsn        text,
    ingested_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (purchase_number, line_number)
);
CREATE INDEX ml_purchases_product_time ON ml_purchases (product_code, ordered_at);
