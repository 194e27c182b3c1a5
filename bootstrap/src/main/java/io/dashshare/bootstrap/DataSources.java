package io.dashshare.bootstrap;

import io.dashshare.bootstrap.config.ServiceConfig;
import io.dashshare.bootstrap.config.SharingKeys;
import io.dashshare.bootstrap.demo.DemoSeeder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The databases dashboards query, by name (PRODUCT.md §2): every
 * {@code SHARING_DATA_SOURCES_<NAME>_*}, plus {@code demo} (schema {@code demo} of the service's
 * database through its read-only role) when the demo is on and no {@code demo} is configured.
 */
public record DataSources(Map<String, ServiceConfig.DataSourceSpec> specs) {

    public static DataSources from(ServiceConfig config, String serviceDbUrl, SharingKeys keys) {
        Map<String, ServiceConfig.DataSourceSpec> specs = new LinkedHashMap<>(config.dataSources());
        if (config.demo() && !specs.containsKey("demo")) {
            specs.put("demo", new ServiceConfig.DataSourceSpec("demo", serviceDbUrl, DemoSeeder.READER_ROLE,
                    keys.demoReaderPassword()));
        }
        return new DataSources(Map.copyOf(specs));
    }
}
