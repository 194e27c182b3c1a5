package io.dashshare.architecture.violations.domain.cycleb;

import io.dashshare.architecture.violations.domain.cyclea.Left;

public class Right {
    private Left left;
}
