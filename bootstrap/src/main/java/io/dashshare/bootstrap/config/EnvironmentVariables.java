package io.dashshare.bootstrap.config;

import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's environment as a Micronaut property source, with Micronaut's own mapping of
 * variable names to properties ({@code SHARING_CACHE_TTL} is {@code sharing.cache.ttl}) and the
 * place of the real environment among the sources. It stands in for the process environment
 * itself so that a test's map of variables is the whole environment its service sees.
 */
public final class EnvironmentVariables extends MapPropertySource {

    public EnvironmentVariables(Map<String, String> variables) {
        super(EnvironmentPropertySource.NAME, new LinkedHashMap<>(variables));
    }

    @Override
    public int getOrder() {
        return EnvironmentPropertySource.POSITION;
    }

    @Override
    public PropertyConvention getConvention() {
        return PropertyConvention.ENVIRONMENT_VARIABLE;
    }
}
