package io.dashshare.architecture.violations.domain.bad;

import org.jooq.DSLContext;

public class UsesJooq {
    private DSLContext dsl;
}
