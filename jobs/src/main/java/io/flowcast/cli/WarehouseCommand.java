package io.flowcast.cli;

import io.flowcast.cluster.WarehouseDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast warehouse-init}: creates the source warehouse database that the Debezium
 * connector reads (tables and columns of docs/cdc-contract.md). The demo runs it before starting
 * Kafka Connect, whose filtered publication needs the tables to exist.
 */
@Command(name = "warehouse-init", mixinStandardHelpOptions = true,
        description = "Create the source warehouse database (if missing) and its tables for the Debezium path (idempotent).")
public final class WarehouseCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "${env:FLOWCAST_WAREHOUSE_URL:-jdbc:postgresql://127.0.0.1:5432/warehouse}",
            description = "Warehouse JDBC URL (env FLOWCAST_WAREHOUSE_URL). Default: ${DEFAULT-VALUE}")
    String url;

    @Option(names = "--user", defaultValue = "${env:FLOWCAST_WAREHOUSE_USER:-postgres}",
            description = "User (env FLOWCAST_WAREHOUSE_USER; password: FLOWCAST_WAREHOUSE_PASSWORD). Default: ${DEFAULT-VALUE}")
    String user;

    @Override
    public Integer call() throws Exception {
        WarehouseDatabase.create(url, user, System.getenv().getOrDefault("FLOWCAST_WAREHOUSE_PASSWORD", ""));
        System.out.println("warehouse ready: " + url + " (schemas inventory, sales, procurement)");
        return 0;
    }
}
