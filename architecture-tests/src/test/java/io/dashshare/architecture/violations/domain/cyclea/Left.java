package io.dashshare.architecture.violations.domain.cyclea;

import io.dashshare.architecture.violations.domain.cycleb.Right;

public class Left {
    private Right right;
}
