package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.COMPANIES;
import static io.dashshare.adapter.persistence.jooq.Tables.COMPANY_GENERATIONS;
import static io.dashshare.adapter.persistence.jooq.Tables.DASHBOARDS;
import static io.dashshare.adapter.persistence.jooq.Tables.EMBED_KEYS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARES;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_CONTEXTS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_CONTEXT_MEMBERS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_SESSIONS;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.dashboard.DashboardSlug;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.ViewerLookups;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;

/**
 * The viewer's reads as one join each, rendered once ({@link PreparedRead}), and kept in memory
 * only as long as the company's generation (migration V2: moved by a trigger with every change of
 * the company, its dashboards, shares and embed keys) has not moved. A call with a kept answer
 * reads that one counter by primary key instead of the joined rows; a call that finds it moved
 * reads the rows again, counter included in the same statement, so what is kept is exactly what
 * was current at that counter. Nothing is ever answered from memory without that check, so a
 * change committed by any instance is seen by the next call here.
 *
 * <p>A portal request reads its session, the session's company's generation and the contexts
 * that admit the viewer now in one statement, every time (session and membership are not
 * counted by the generation, and must hold on every request, docs/api.md, share portal); the
 * company, the contexts' shares and the dashboard of a slug come from memory when kept at that
 * very generation, so an unchanged company costs that one statement and nothing else.
 */
public final class JooqViewerLookups implements ViewerLookups {

    /** Found rows only, so unknown tokens cannot fill it; past this size it starts over. */
    static final int MAX_KEPT = 10_000;

    private final PreparedRead shareByTokenHash;
    private final PreparedRead embedKey;
    private final PreparedRead dashboard;
    private final PreparedRead generation;
    private final PreparedRead portalSession;
    private final PreparedRead companyById;
    private final PreparedRead contextShares;
    private final PreparedRead dashboardBySlug;
    private final Map<String, Kept<SharedView>> shares = new ConcurrentHashMap<>();
    private final Map<String, Kept<KeyOfCompany>> keys = new ConcurrentHashMap<>();
    private final Map<UUID, Kept<Dashboard>> dashboards = new ConcurrentHashMap<>();
    private final Map<UUID, Kept<Company>> companies = new ConcurrentHashMap<>();
    /** By the exact list of a viewer's contexts (in their order), so a kept list keeps the database's order. */
    private final Map<List<UUID>, Kept<List<Share>>> sharesOfContexts = new ConcurrentHashMap<>();
    private final Map<SlugOf, Kept<Dashboard>> dashboardsBySlug = new ConcurrentHashMap<>();

    public JooqViewerLookups(DSLContext db) {
        this.shareByTokenHash = new PreparedRead(db, withGeneration(db, SHARES.fields(),
                COMPANIES.fields(), DASHBOARDS.fields())
                .from(SHARES)
                .join(COMPANIES).on(COMPANIES.ID.eq(SHARES.COMPANY_ID))
                .join(DASHBOARDS).on(DASHBOARDS.ID.eq(SHARES.DASHBOARD_ID), DASHBOARDS.COMPANY_ID.eq(SHARES.COMPANY_ID))
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(SHARES.COMPANY_ID))
                .where(SHARES.TOKEN_HASH.eq(DSL.param("token_hash", String.class))));
        this.embedKey = new PreparedRead(db, withGeneration(db, EMBED_KEYS.fields(),
                COMPANIES.fields())
                .from(EMBED_KEYS)
                .join(COMPANIES).on(COMPANIES.ID.eq(EMBED_KEYS.COMPANY_ID))
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(EMBED_KEYS.COMPANY_ID))
                .where(EMBED_KEYS.KID.eq(DSL.param("kid", String.class))));
        this.dashboard = new PreparedRead(db, withGeneration(db, DASHBOARDS.fields())
                .from(DASHBOARDS)
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(DASHBOARDS.COMPANY_ID))
                .where(DASHBOARDS.COMPANY_ID.eq(DSL.param("company_id", UUID.class)),
                        DASHBOARDS.ID.eq(DSL.param("id", UUID.class))));
        this.generation = new PreparedRead(db, db.select(COMPANY_GENERATIONS.GENERATION).from(COMPANY_GENERATIONS)
                .where(COMPANY_GENERATIONS.COMPANY_ID.eq(DSL.param("company_id", UUID.class))));
        // Bind values in the order rendered: email, domain, now, session id.
        this.portalSession = new PreparedRead(db, withGeneration(db, SHARE_SESSIONS.fields(), SHARE_CONTEXTS.fields())
                .from(SHARE_SESSIONS)
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(SHARE_SESSIONS.COMPANY_ID))
                .leftJoin(SHARE_CONTEXTS).on(SHARE_CONTEXTS.COMPANY_ID.eq(SHARE_SESSIONS.COMPANY_ID),
                        DSL.exists(DSL.selectOne().from(SHARE_CONTEXT_MEMBERS).where(
                                SHARE_CONTEXT_MEMBERS.CONTEXT_ID.eq(SHARE_CONTEXTS.ID),
                                SHARE_CONTEXT_MEMBERS.EMAIL.eq(DSL.param("email", String.class))
                                        .or(SHARE_CONTEXT_MEMBERS.DOMAIN.eq(DSL.param("domain", String.class))),
                                SHARE_CONTEXT_MEMBERS.EXPIRES_AT.isNull().or(SHARE_CONTEXT_MEMBERS.EXPIRES_AT
                                        .gt(DSL.param("now", SHARE_CONTEXT_MEMBERS.EXPIRES_AT))))))
                .where(SHARE_SESSIONS.ID.eq(DSL.param("id", UUID.class)))
                .orderBy(SHARE_CONTEXTS.CREATED_AT, SHARE_CONTEXTS.ID));
        this.companyById = new PreparedRead(db, withGeneration(db, COMPANIES.fields())
                .from(COMPANIES)
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(COMPANIES.ID))
                .where(COMPANIES.ID.eq(DSL.param("id", UUID.class))));
        // From the counter, so that contexts without shares still read it (and are kept as empty).
        // Bind values: the contexts (uuid[]), then the company.
        this.contextShares = new PreparedRead(db, withGeneration(db, SHARES.fields())
                .from(COMPANY_GENERATIONS)
                .leftJoin(SHARES).on(SHARES.COMPANY_ID.eq(COMPANY_GENERATIONS.COMPANY_ID),
                        SHARES.CONTEXT_ID.eq(DSL.any(DSL.param("contexts", UUID[].class))))
                .where(COMPANY_GENERATIONS.COMPANY_ID.eq(DSL.param("company_id", UUID.class)))
                .orderBy(SHARES.CREATED_AT, SHARES.ID));
        this.dashboardBySlug = new PreparedRead(db, withGeneration(db, DASHBOARDS.fields())
                .from(DASHBOARDS)
                .leftJoin(COMPANY_GENERATIONS).on(COMPANY_GENERATIONS.COMPANY_ID.eq(DASHBOARDS.COMPANY_ID))
                .where(DASHBOARDS.COMPANY_ID.eq(DSL.param("company_id", UUID.class)),
                        DASHBOARDS.SLUG.eq(DSL.param("slug", String.class))));
    }

    /** A select of the company's generation followed by {@code groups} of columns. */
    private static SelectSelectStep<Record> withGeneration(DSLContext db, Field<?>[]... groups) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(COMPANY_GENERATIONS.GENERATION);
        for (Field<?>[] group : groups) {
            fields.addAll(List.of(group));
        }
        return db.select(fields);
    }

    @Override
    public Optional<SharedView> shareByTokenHash(TokenHash hash) {
        return kept(shares, hash.hex(), view -> view.company().id(), () -> shareByTokenHash.fetchFirst(hash.hex()),
                row -> new SharedView(RecordMappers.share(row.into(SHARES)), RecordMappers.company(row.into(COMPANIES)),
                        RecordMappers.dashboard(row.into(DASHBOARDS))), new long[1]);
    }

    @Override
    public Optional<KeyOfCompany> embedKey(EmbedKeyId id) {
        long[] generationRead = new long[1];
        Optional<KeyOfCompany> key = kept(keys, id.value(), found -> found.company().id(),
                () -> embedKey.fetchFirst(id.value()),
                row -> new KeyOfCompany(RecordMappers.embedKey(row.into(EMBED_KEYS)),
                        RecordMappers.company(row.into(COMPANIES)), null),
                generationRead);
        // The dashboards as of the generation just read for the key: a kept dashboard of that very
        // generation needs no second check; any other is read again (and is then newer, never older).
        return key.map(found -> new KeyOfCompany(found.key(), found.company(),
                dashboardId -> dashboard(found.company().id(), dashboardId, generationRead[0])));
    }

    private Optional<Dashboard> dashboard(CompanyId company, DashboardId id, long generationOfKey) {
        Kept<Dashboard> kept = dashboards.get(id.value());
        // Kept by id alone: another company asking for this id reads (and finds nothing), as in the catalog.
        if (kept != null && kept.generation() == generationOfKey && kept.value().companyId().equals(company)) {
            return Optional.of(kept.value());
        }
        return read(dashboards, id.value(), () -> dashboard.fetchFirst(company.value(), id.value()),
                row -> RecordMappers.dashboard(row.into(DASHBOARDS)), new long[1]);
    }

    @Override
    public Optional<PortalSession> portalSession(SessionId id, EmailAddress email, Instant now) {
        List<Record> rows = portalSession.fetch(email.value(), email.domain().value(), Times.column(now), id.value());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ShareSession session = RecordMappers.session(rows.get(0).into(SHARE_SESSIONS));
        long current = generationOf(rows.get(0));
        List<ShareContext> memberOf = rows.stream().filter(row -> row.get(SHARE_CONTEXTS.ID) != null)
                .map(row -> RecordMappers.context(row.into(SHARE_CONTEXTS))).toList();
        CompanyId companyId = session.companyId();
        List<UUID> contextIds = memberOf.stream().map(c -> c.id().value()).toList();
        return company(companyId, current).map(found -> new PortalSession(session, found, memberOf,
                () -> sharesOf(companyId, contextIds, current),
                slug -> dashboard(companyId, slug, current)));
    }

    /** The company as of {@code current} if kept at it, otherwise read again (and then newer). */
    private Optional<Company> company(CompanyId id, long current) {
        return keptAt(companies, id.value(), current, () -> companyById.fetchFirst(id.value()),
                row -> RecordMappers.company(row.into(COMPANIES)));
    }

    private List<Share> sharesOf(CompanyId company, List<UUID> contexts, long current) {
        if (contexts.isEmpty()) {
            return List.of();
        }
        Kept<List<Share>> kept = sharesOfContexts.get(contexts);
        if (kept != null && kept.generation() == current) {
            return kept.value();
        }
        List<Record> rows = contextShares.fetch(contexts.toArray(UUID[]::new), company.value());
        List<Share> found = rows.stream().filter(row -> row.get(SHARES.ID) != null)
                .map(row -> RecordMappers.share(row.into(SHARES))).toList();
        if (rows.isEmpty()) {
            sharesOfContexts.remove(contexts);
        } else {
            keep(sharesOfContexts, contexts, found, rows.get(0).get(COMPANY_GENERATIONS.GENERATION));
        }
        return found;
    }

    private Optional<Dashboard> dashboard(CompanyId company, DashboardSlug slug, long current) {
        return keptAt(dashboardsBySlug, new SlugOf(company.value(), slug.value()), current,
                () -> dashboardBySlug.fetchFirst(company.value(), slug.value()),
                row -> RecordMappers.dashboard(row.into(DASHBOARDS)));
    }

    /**
     * The answer kept for {@code key} if its company's generation has not moved since it was read;
     * otherwise the rows read again ({@code read}), kept with the generation read alongside them.
     * {@code generationRead[0]} receives the generation the answer is current at.
     */
    private <K, V> Optional<V> kept(Map<K, Kept<V>> store, K key, Function<V, CompanyId> companyOf,
                                    Supplier<Optional<Record>> read, Function<Record, V> map, long[] generationRead) {
        Kept<V> kept = store.get(key);
        if (kept != null) {
            long current = currentGeneration(companyOf.apply(kept.value()));
            if (kept.generation() == current) {
                generationRead[0] = current;
                return Optional.of(kept.value());
            }
        }
        return read(store, key, read, map, generationRead);
    }

    /** As {@link #kept}, with the company's generation {@code current} already read by the caller. */
    private <K, V> Optional<V> keptAt(Map<K, Kept<V>> store, K key, long current, Supplier<Optional<Record>> read,
                                      Function<Record, V> map) {
        Kept<V> kept = store.get(key);
        if (kept != null && kept.generation() == current) {
            return Optional.of(kept.value());
        }
        return read(store, key, read, map, new long[1]);
    }

    private <K, V> Optional<V> read(Map<K, Kept<V>> store, K key, Supplier<Optional<Record>> read,
                                    Function<Record, V> map, long[] generationRead) {
        Optional<Record> row = read.get();
        if (row.isEmpty()) {
            store.remove(key);
            return Optional.empty();
        }
        V value = map.apply(row.get());
        Long generation = row.get().get(COMPANY_GENERATIONS.GENERATION);
        keep(store, key, value, generation);
        generationRead[0] = generationOf(row.get());
        return Optional.of(value);
    }

    /** Keeps {@code value} read at {@code generation}, unless there is none (nothing could tell when it went stale). */
    private static <K, V> void keep(Map<K, Kept<V>> store, K key, V value, Long generation) {
        if (generation == null) {
            store.remove(key);
            return;
        }
        if (store.size() >= MAX_KEPT) {
            store.clear();
        }
        store.put(key, new Kept<>(value, generation));
    }

    /** The generation a row was read with; {@code -1} (matching nothing kept) when its company has none. */
    private static long generationOf(Record row) {
        Long generation = row.get(COMPANY_GENERATIONS.GENERATION);
        return generation == null ? -1 : generation;
    }

    /** The company's generation now; {@code -1} (matching nothing kept) when it has none. */
    private long currentGeneration(CompanyId company) {
        return generation.fetchFirst(company.value())
                .map(row -> row.get(COMPANY_GENERATIONS.GENERATION)).orElse(-1L);
    }

    private record Kept<V>(V value, long generation) {
    }

    private record SlugOf(UUID company, String slug) {
    }
}
