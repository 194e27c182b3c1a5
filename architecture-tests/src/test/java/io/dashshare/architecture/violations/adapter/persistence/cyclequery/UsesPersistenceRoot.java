package io.dashshare.architecture.violations.adapter.persistence.cyclequery;

import io.dashshare.architecture.violations.adapter.persistence.CyclesThroughQuery;

public class UsesPersistenceRoot {
    private CyclesThroughQuery root;
}
