package io.dashshare.adapter.http.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a filter value ({@code RawValue}) and the other free JSON members look like in the OpenAPI
 * document: any JSON value, null included; its type depends on the filter it names
 * (docs/filters.md). openapi.properties maps those Java types here.
 */
@Schema(name = "AnyValue", description = "Any JSON value (its type depends on the filter it names, docs/filters.md)",
        ref = "#/components/schemas/JsonValue")
public interface AnyValue {
}
