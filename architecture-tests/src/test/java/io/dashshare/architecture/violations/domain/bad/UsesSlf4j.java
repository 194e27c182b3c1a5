package io.dashshare.architecture.violations.domain.bad;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class UsesSlf4j {
    private static final Logger LOG = LoggerFactory.getLogger(UsesSlf4j.class);
}
