-- The demo data source: 120,000 deterministic orders over 2024-2026 (docs/operations.md#the-demo).
-- Every value is a pure function of the row number, so every install shows the same numbers.
create schema if not exists demo;
create table if not exists demo.orders (
    id          bigint primary key,
    order_date  date           not null,
    customer    text           not null,
    region      text           not null,
    status      text           not null,
    amount      numeric(12, 2) not null
);
insert into demo.orders (id, order_date, customer, region, status, amount)
select i,
       date '2024-01-01' + ((i * 7919) % 1096),
       (array['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises',
              'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay', 'Pied Piper', 'Aperture', 'Oscorp',
              'Massive Dynamic', 'Gringotts', 'Monarch', 'Nakatomi', 'Dunder Mifflin'])[1 + (i * 31) % 20]
           || ' ' || lpad(((i * 17) % 25)::text, 2, '0'),
       (array['north', 'south', 'east', 'west'])[1 + (i * 13) % 4],
       (array['Active', 'Active', 'Active', 'Active', 'Pending', 'Pending', 'Closed', 'Closed', 'Closed',
              'Cancelled'])[1 + (i * 37) % 10],
       round((10 + ((i * 7907) % 99991) / 100.0)::numeric, 2)
from generate_series(1, 120000) as s(i)
on conflict (id) do nothing;
create index if not exists orders_order_date on demo.orders (order_date);
analyze demo.orders;
