package io.dashshare.architecture.violations.adapter.persistence;

import io.dashshare.architecture.violations.adapter.persistence.cyclequery.UsesPersistenceRoot;

/** The module's own package and one of its subpackages using each other (persistence and query did). */
public class CyclesThroughQuery {
    private UsesPersistenceRoot query;
}
