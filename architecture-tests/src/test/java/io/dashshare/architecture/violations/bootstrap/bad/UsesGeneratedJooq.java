package io.dashshare.architecture.violations.bootstrap.bad;

import io.dashshare.architecture.violations.adapter.persistence.jooq.ShareTable;

public class UsesGeneratedJooq {
    private ShareTable table;
}
