-- A counter per company that moves with every change of what a viewer's access rests on: the
-- company itself (slug, embed origins), its dashboards, its shares, its embed keys. Viewer lookups
-- keep what they read in memory together with the counter, and before using it read the counter
-- again (one primary-key read instead of the joined rows): an instance sees a share revoked, a
-- token rotated, a key retired or a dashboard edited by any other instance on its next request.
-- Triggers rather than application code, so that no write path (a future one, a cascade, an
-- operator's SQL) can change those rows without moving the counter in the same transaction.
create table sharing.company_generations (
    company_id uuid primary key references sharing.companies (id) on delete cascade,
    generation bigint not null default 0
);

insert into sharing.company_generations (company_id) select id from sharing.companies;

create function sharing.company_created() returns trigger language plpgsql as $$
begin
    insert into sharing.company_generations (company_id) values (new.id);
    return null;
end
$$;

-- Update only: a company being deleted (its rows going by cascade) has nothing left to count.
create function sharing.bump_company_generation() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update sharing.company_generations set generation = generation + 1 where company_id = old.company_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.company_id is distinct from old.company_id) then
        update sharing.company_generations set generation = generation + 1 where company_id = new.company_id;
    end if;
    return null;
end
$$;

create function sharing.bump_own_generation() returns trigger language plpgsql as $$
begin
    update sharing.company_generations set generation = generation + 1 where company_id = new.id;
    return null;
end
$$;

create trigger companies_created after insert on sharing.companies
    for each row execute function sharing.company_created();
create trigger companies_generation after update on sharing.companies
    for each row execute function sharing.bump_own_generation();
create trigger dashboards_generation after insert or update or delete on sharing.dashboards
    for each row execute function sharing.bump_company_generation();
create trigger shares_generation after insert or update or delete on sharing.shares
    for each row execute function sharing.bump_company_generation();
create trigger embed_keys_generation after insert or update or delete on sharing.embed_keys
    for each row execute function sharing.bump_company_generation();
