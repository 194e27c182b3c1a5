package io.dashshare.domain.dashboard;

import io.dashshare.domain.common.Slugs;

/** A database that dashboards query, named in the service's configuration ({@code demo} by default). */
public record DataSourceName(String value) {

    public DataSourceName {
        Slugs.require(Slugs.IDENTIFIER, value, "data_source");
    }

    @Override
    public String toString() {
        return value;
    }
}
