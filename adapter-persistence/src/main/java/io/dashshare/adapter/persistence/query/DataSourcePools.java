package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.dashboard.DataSourceName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link DataSourcePool} for every configured data source, made at start and closed together. */
final class DataSourcePools implements AutoCloseable {

    private final Map<DataSourceName, DataSourcePool> pools = new LinkedHashMap<>();

    DataSourcePools(DataSourcesConfig config) {
        config.sources().forEach((name, settings) -> pools.put(name, new DataSourcePool(name, settings)));
    }

    Optional<DataSourcePool> find(DataSourceName name) {
        return Optional.ofNullable(pools.get(name));
    }

    Set<DataSourceName> names() {
        return Set.copyOf(pools.keySet());
    }

    @Override
    public void close() {
        pools.values().forEach(DataSourcePool::close);
    }
}
