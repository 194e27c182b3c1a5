package io.dashshare.architecture.violations.domain.bad;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;

@Factory
public class UsesMicronaut {
    private ApplicationContext context;
}
