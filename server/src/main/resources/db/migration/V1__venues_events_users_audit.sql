-- Venues: the layout document as drawn by clients, plus one row per seat so that bookings,
-- blocks and reports can refer to seats with foreign keys and plain SQL.
create table venues (
    id          text primary key,
    name        text        not null,
    kind        text        not null,
    capacity    integer     not null check (capacity >= 0),
    layout      jsonb       not null,
    demo        boolean     not null default false,
    created_at  timestamptz not null default now()
);

create table venue_seats (
    venue_id        text    not null references venues (id) on delete cascade,
    seat_id         text    not null,
    section         text    not null,
    row_label       text    not null,
    number          integer not null,
    category        text    not null,
    accessible      boolean not null default false,
    restricted_view boolean not null default false,
    table_id        text,
    primary key (venue_id, seat_id)
);

create table venue_categories (
    venue_id  text    not null references venues (id) on delete cascade,
    category  text    not null,
    name      text    not null,
    color     text    not null,
    position  integer not null,
    primary key (venue_id, category)
);

-- Events (performances). Prices are normalized: one row per category and ticket type.
create table events (
    id                  text primary key,
    venue_id            text        not null references venues (id) on delete cascade,
    title               text        not null,
    starts_at           timestamptz not null,
    currency            char(3)     not null,
    hold_ttl_seconds    integer     not null check (hold_ttl_seconds between 30 and 1800),
    max_seats_per_hold  integer     not null check (max_seats_per_hold between 1 and 50),
    on_sale_from        timestamptz,
    on_sale_until       timestamptz,
    queue_enabled       boolean     not null default false,
    created_at          timestamptz not null default now(),
    check (on_sale_until is null or on_sale_from is null or on_sale_from < on_sale_until)
);
create index events_starts_at on events (starts_at);
create index events_venue on events (venue_id);

create table event_prices (
    event_id      text    not null references events (id) on delete cascade,
    category      text    not null,
    ticket_type   text    not null,
    amount_minor  bigint  not null check (amount_minor >= 0),
    position      integer not null,
    primary key (event_id, category, ticket_type)
);

-- Staff accounts. password_hash is a PBKDF2 string: algorithm$iterations$salt$hash.
create table users (
    username       text primary key,
    password_hash  text        not null,
    role           text        not null check (role in ('ADMIN', 'MANAGER', 'CLERK', 'KIOSK')),
    display_name   text        not null,
    active         boolean     not null default true,
    demo           boolean     not null default false,
    created_at     timestamptz not null default now()
);

-- Refresh tokens are random strings; only their SHA-256 is stored.
create table refresh_tokens (
    token_hash  text primary key,
    username    text        not null references users (username) on delete cascade,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    created_at  timestamptz not null default now()
);
create index refresh_tokens_username on refresh_tokens (username);

-- Append-only audit log: every sale, refund, exchange, block and staff sign-in.
create table audit_log (
    id        bigserial primary key,
    at        timestamptz not null default now(),
    actor     text        not null,
    action    text        not null,
    subject   text,
    detail    jsonb       not null default '{}'::jsonb
);
create index audit_log_at on audit_log (at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Facts about this installation (for example when the demo data was created).
create table installation (
    key    text primary key,
    value  text        not null,
    at     timestamptz not null default now()
);
