package io.dashshare.architecture.violations.domain.bad;

import com.fasterxml.jackson.annotation.JsonProperty;

public class UsesJackson {
    @JsonProperty("x")
    private String x;
}
