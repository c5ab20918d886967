-- The source warehouse (seed 004's Castrolanda DW) as a PostgreSQL database that Debezium reads:
-- the tables and column names of docs/cdc-contract.md (io.flowcast.cdc.MirrorTable), in the
-- schemas that make Debezium's topics castrolanda.<schema>.<table>.
--
-- Not a Flowcast migration: this is someone else's database. `flowcast warehouse init` (and the
-- demo, ITCases, the Debezium bench) apply it to an empty database; every statement is idempotent.
--
-- Column types are chosen as a warehouse would and, on purpose, cover every default Debezium
-- encoding Flowcast must read: numeric(p,s) (precise Decimal: base64 bytes, scale in the schema),
-- numeric without a scale (VariableScaleDecimal struct), timestamp(3) (io.debezium.time.Timestamp,
-- epoch millis), timestamp(6) (MicroTimestamp, epoch micros), timestamptz (ZonedTimestamp, ISO
-- string) and date (io.debezium.time.Date, epoch days).
-- Replica identity stays DEFAULT (the primary key): deletes carry only the key in `before`.

CREATE SCHEMA IF NOT EXISTS inventory;
CREATE SCHEMA IF NOT EXISTS sales;
CREATE SCHEMA IF NOT EXISTS procurement;

CREATE TABLE IF NOT EXISTS inventory.product_master (
    codigo_produto      text PRIMARY KEY,
    descricao           text           NOT NULL,
    categoria           text,
    unidade_medida      text,
    preco_venda         numeric(12, 2),
    custo_padrao        numeric,
    estoque_minimo      numeric(14, 3),
    estoque_maximo      numeric(14, 3),
    lead_time_dias      integer,
    ativo               boolean,
    critico             boolean,
    ultima_atualizacao  timestamp(3)   NOT NULL
);

CREATE TABLE IF NOT EXISTS inventory.transactions (
    id_movimentacao     bigint PRIMARY KEY,
    codigo_produto      text           NOT NULL,
    tipo_movimentacao   text           NOT NULL,
    quantidade          numeric(14, 3) NOT NULL,
    custo_unitario      numeric(12, 4) NOT NULL,
    data_movimentacao   timestamp(6)   NOT NULL,
    deposito            text           NOT NULL,
    fornecedor          text,
    cliente             text,
    documento           text
);

CREATE TABLE IF NOT EXISTS inventory.stock_levels (
    codigo_produto          text,
    deposito                text,
    quantidade_disponivel   numeric(14, 3) NOT NULL,
    quantidade_reservada    numeric(14, 3),
    quantidade_transito     numeric(14, 3),
    custo_medio             numeric,
    data_atualizacao        timestamptz    NOT NULL,
    PRIMARY KEY (codigo_produto, deposito)
);

CREATE TABLE IF NOT EXISTS sales.orders (
    numero_pedido       text,
    item                integer,
    codigo_produto      text           NOT NULL,
    cliente             text,
    regiao              text           NOT NULL,
    quantidade          numeric(14, 3) NOT NULL,
    quantidade_atendida numeric(14, 3),
    preco_unitario      numeric(12, 4) NOT NULL,
    desconto            numeric(5, 4),
    promocao            boolean,
    status              text,
    data_pedido         timestamp(6)   NOT NULL,
    PRIMARY KEY (numero_pedido, item)
);

CREATE TABLE IF NOT EXISTS procurement.purchases (
    numero_compra           text,
    item                    integer,
    codigo_produto          text           NOT NULL,
    fornecedor              text           NOT NULL,
    deposito                text,
    quantidade              numeric(14, 3) NOT NULL,
    custo_unitario          numeric(12, 4) NOT NULL,
    data_compra             timestamptz    NOT NULL,
    data_entrega_prevista   date,
    data_recebimento        timestamp(6),
    status                  text,
    PRIMARY KEY (numero_compra, item)
);
