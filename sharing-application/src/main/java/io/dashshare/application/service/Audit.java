package io.dashshare.application.service;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.audit.AuditActor;
import io.dashshare.domain.audit.AuditClient;
import io.dashshare.domain.audit.AuditEvent;
import io.dashshare.domain.audit.AuditFlow;
import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.audit.ClientIpPolicy;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.WidgetResult;
import io.dashshare.domain.filter.EffectiveParameters;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.port.AuditLog;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the events of the audit log where the facts are known (docs/api.md, audit event
 * catalogue): the use cases name the type, flow, actor and subject; this class adds the id, the
 * time, the client after {@link ClientIpPolicy}, and the outcome, and hands the event to the
 * {@link AuditLog} sink. Recording never fails a request: a sink or a draft that throws is logged
 * and dropped here, and the sink itself never blocks.
 *
 * <p>Nothing that reaches a draft may be a token, code, password or secret: drafts take ids,
 * names, emails, effective filter values and the details the API itself answers.
 */
public final class Audit {

    private static final System.Logger LOG = System.getLogger(Audit.class.getName());

    private final AuditLog log;
    private final Clock clock;
    private final ClientIpPolicy ips;
    private final RandomSource random;

    public Audit(AuditLog log, Clock clock, ClientIpPolicy ips, RandomSource random) {
        this.log = log;
        this.clock = clock;
        this.ips = ips;
        this.random = random;
    }

    /** An event of a viewer's request (public, portal, embed) or of the operator. */
    public Draft event(AuditType type, AuditFlow flow, CompanyId company, AuditActor actor, AuditClient client) {
        return new Draft(type, flow, company, actor, client);
    }

    /** An owner's (or API key's) change, in the principal's company, from the principal's client. */
    public Draft owner(AuditType type, OwnerPrincipal owner) {
        return new Draft(type, AuditFlow.OWNER, owner.companyId(), actor(owner), owner.client());
    }

    /** An operator's change of {@code company}. */
    public Draft operator(AuditType type, CompanyId company, AuditClient client) {
        return new Draft(type, AuditFlow.OPERATOR, company, AuditActor.OPERATOR, client);
    }

    public static AuditActor actor(OwnerPrincipal owner) {
        if (owner.actor() instanceof OwnerPrincipal.Actor.Person person) {
            return new AuditActor.Owner(person.id().toString(), person.email().value());
        }
        OwnerPrincipal.Actor.Key key = (OwnerPrincipal.Actor.Key) owner.actor();
        return new AuditActor.ApiKey(key.id().toString(), key.name());
    }

    /** The error code a request that failed with {@code failure} answers (docs/errors.md). */
    public static String outcomeOf(RuntimeException failure) {
        if (failure instanceof SharingException sharing) {
            return sharing.code().name();
        }
        if (failure instanceof QueryFailedException) {
            return "DB_QUERY_ERROR";
        }
        return "INTERNAL_ERROR";
    }

    /** The values a query ran with: only the filters that were set (an unset one is SQL NULL). */
    public static Map<String, Object> parameters(EffectiveParameters effective) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FilterDefinition filter : effective.filters()) {
            effective.get(filter.slug()).ifPresent(v -> values.put(filter.slug().value(), v.toRaw().toPlain()));
        }
        return values;
    }

    /** Rows of every widget that answered, as the viewer received them. */
    public static int rowCount(DashboardResult result) {
        return result.widgets().stream().map(WidgetResult::result)
                .mapToInt(r -> r.map(q -> q.rows().size()).orElse(0)).sum();
    }

    /**
     * One event, filled in by the use case and recorded once, by {@link #ok()}, {@link #failed} or
     * {@link #around}. Not shared between threads.
     */
    public final class Draft {

        private final AuditType type;
        private final AuditFlow flow;
        private final CompanyId company;
        private final AuditActor actor;
        private final AuditClient client;
        private DashboardId dashboard;
        private ShareId share;
        private ShareContextId context;
        private Map<String, Object> parameters = Map.of();
        private final Map<String, Object> details = new LinkedHashMap<>();
        private Integer rowCount;
        private boolean recorded;

        private Draft(AuditType type, AuditFlow flow, CompanyId company, AuditActor actor, AuditClient client) {
            this.type = type;
            this.flow = flow;
            this.company = company;
            this.actor = actor;
            this.client = client;
        }

        public Draft dashboard(DashboardId id) {
            this.dashboard = id;
            return this;
        }

        public Draft share(ShareId id) {
            this.share = id;
            return this;
        }

        /** The share, its dashboard and its context. */
        public Draft share(Share share) {
            this.share = share.id();
            this.dashboard = share.dashboardId();
            share.contextId().ifPresent(c -> this.context = c);
            return this;
        }

        public Draft context(ShareContextId id) {
            this.context = id;
            return this;
        }

        public Draft parameters(EffectiveParameters effective) {
            this.parameters = Audit.parameters(effective);
            return this;
        }

        /** A fact of the type's own (docs/api.md, audit event catalogue); null values are left out. */
        public Draft detail(String key, Object value) {
            if (value != null) {
                details.put(key, value);
            }
            return this;
        }

        public Draft rowCount(int rows) {
            this.rowCount = rows;
            return this;
        }

        public void ok() {
            record(AuditEvent.OK);
        }

        /** The request answered {@code failure}'s error code; the API's own details of it come along. */
        public void failed(RuntimeException failure) {
            if (failure instanceof SharingException sharing) {
                sharing.details().forEach((key, value) -> {
                    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                        details.putIfAbsent(key, value);
                    }
                });
            }
            record(outcomeOf(failure));
        }

        /** Runs {@code work}: an ok event after it, or the failed one with its error code (rethrown). */
        public <T> T around(Supplier<T> work) {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failed(e);
                throw e;
            }
            ok();
            return result;
        }

        private void record(String outcome) {
            if (recorded) {
                return;
            }
            recorded = true;
            try {
                AuditClient kept = client == null ? AuditClient.NONE
                        : new AuditClient(ips.apply(client.ip()), client.userAgent(), client.requestId());
                log.record(new AuditEvent(random.uuid(), clock.instant(), company, type, flow, actor, dashboard, share,
                        context, parameters, details, outcome, rowCount, kept));
            } catch (RuntimeException e) {
                // The sink promises not to throw; a bug here must still not fail the viewer's request.
                LOG.log(System.Logger.Level.WARNING, "audit event {0} not recorded: {1}", type.wire(), e.toString());
            }
        }
    }
}
