package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.dashboard.DataSourceName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, asks each data source what its role could do beyond reading, and warns loudly
 * when it could change anything or read the service's own schema. Read-only connections are a
 * second line; the role is the first (docs/security.md#sql-5). The check never stops the service.
 */
public final class ReadOnlyRoleCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyRoleCheck.class);

    /** What one data source's role could do that a dashboard role must not; empty when none. */
    public record Finding(DataSourceName dataSource, List<String> risks, boolean checked) {
        public Finding {
            risks = List.copyOf(risks);
        }

        public boolean canWrite() {
            return !risks.isEmpty();
        }
    }

    private static final String ROLE_FLAGS = """
            select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
            from pg_roles where rolname = current_user""";
    private static final String WRITABLE_RELATIONS = """
            select n.nspname || '.' || c.relname
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p', 'v', 'm', 'f')
              and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
              and has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
            order by 1 limit 5""";
    private static final String CREATE_SCHEMAS = """
            select nspname from pg_namespace
            where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
              and has_schema_privilege(oid, 'CREATE')
            order by 1""";
    private static final String CREATE_IN_DATABASE = "select has_database_privilege(current_database(), 'CREATE')";
    private static final String SERVICE_SCHEMA_READABLE = """
            select has_schema_privilege(oid, 'USAGE') from pg_namespace where nspname = 'sharing'""";
    private static final String POWERFUL_MEMBERSHIPS = """
            select rolname from pg_roles
            where rolname in ('pg_write_all_data', 'pg_write_server_files', 'pg_execute_server_program',
                              'pg_read_server_files', 'pg_read_all_data')
              and pg_has_role(current_user, oid, 'MEMBER')
            order by 1""";

    private ReadOnlyRoleCheck() {
    }

    /** Checks every data source of {@code executor} and logs a WARN for each risky or unreachable one. */
    public static List<Finding> checkAndWarn(JdbcQueryExecutor executor) {
        List<Finding> findings = new ArrayList<>();
        for (DataSourceName name : executor.dataSources()) {
            Finding finding = check(name, executor.dataSource(name));
            if (!finding.checked()) {
                LOG.warn("Could not check the database role of data source '{}': it is unreachable now. "
                        + "Its dashboards will answer DB_QUERY_ERROR until it is back.", name);
            } else if (finding.canWrite()) {
                LOG.warn("""

                        !!! SECURITY WARNING: data source '{}' connects as a role that could change data: {}.
                        !!! Dashboard SQL must run as a read-only role that can read only its schema.
                        !!! Give it one (see ReadOnlyRoleProvisioner for the grants) before sharing dashboards.""",
                        name, String.join("; ", finding.risks()));
            } else {
                LOG.info("Data source '{}' connects as a read-only role.", name);
            }
            findings.add(finding);
        }
        return findings;
    }

    /** What the role behind {@code dataSource} could do beyond reading. */
    public static Finding check(DataSourceName name, DataSource dataSource) {
        List<String> risks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement s = connection.prepareStatement(ROLE_FLAGS); ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    flag(risks, r.getBoolean(1), "is a superuser");
                    flag(risks, r.getBoolean(2), "can create roles");
                    flag(risks, r.getBoolean(3), "can create databases");
                    flag(risks, r.getBoolean(4), "bypasses row-level security");
                    flag(risks, r.getBoolean(5), "has the replication privilege");
                }
            }
            List<String> tables = strings(connection, WRITABLE_RELATIONS);
            if (!tables.isEmpty()) {
                risks.add("can write tables (" + String.join(", ", tables) + (tables.size() == 5 ? ", ..." : "") + ")");
            }
            List<String> schemas = strings(connection, CREATE_SCHEMAS);
            if (!schemas.isEmpty()) {
                risks.add("can create objects in schema " + String.join(", ", schemas));
            }
            if (bool(connection, CREATE_IN_DATABASE)) {
                risks.add("can create schemas in the database");
            }
            if (bool(connection, SERVICE_SCHEMA_READABLE)) {
                risks.add("can reach the service's own schema 'sharing'");
            }
            List<String> memberships = strings(connection, POWERFUL_MEMBERSHIPS);
            if (!memberships.isEmpty()) {
                risks.add("is a member of " + String.join(", ", memberships));
            }
            return new Finding(name, risks, true);
        } catch (SQLException e) {
            LOG.debug("role check of data source '{}' failed", name, e);
            return new Finding(name, List.of(), false);
        }
    }

    private static void flag(List<String> risks, boolean set, String risk) {
        if (set) {
            risks.add(risk);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static boolean bool(Connection connection, String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }
}
