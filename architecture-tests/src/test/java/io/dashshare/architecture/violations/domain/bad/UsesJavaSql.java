package io.dashshare.architecture.violations.domain.bad;

import java.sql.Connection;

/** In the JDK, yet a database: the old java.. allowance let it through. */
public class UsesJavaSql {
    private Connection connection;
}
