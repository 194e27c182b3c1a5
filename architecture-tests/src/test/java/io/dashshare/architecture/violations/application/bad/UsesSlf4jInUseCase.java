package io.dashshare.architecture.violations.application.bad;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class UsesSlf4jInUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(UsesSlf4jInUseCase.class);
}
