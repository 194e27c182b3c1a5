-- Whether the viewers of a share may export its widgets as CSV (docs/api.md, exports). Off for
-- every share that exists: an owner turns it on per share, never by default.
alter table sharing.shares add column downloads boolean not null default false;
