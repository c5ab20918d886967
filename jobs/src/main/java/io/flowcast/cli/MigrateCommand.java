package io.flowcast.cli;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sql.SchemaMigrator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowcast migrate}: creates the database and schema if needed and applies migrations. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create the PostgreSQL database/schema if missing and apply the Flyway migrations (idempotent).")
public final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value override, e.g. postgres.url=...")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PostgresOptions pg = FlowcastConfig.load(config, overrides).postgres();
        int applied = new SchemaMigrator(pg.url(), pg.user(), pg.password()).migrate();
        System.out.printf("%s: schema %s up to date (%d migration(s) applied)%n", pg.url(), SchemaMigrator.SCHEMA, applied);
        return 0;
    }
}
