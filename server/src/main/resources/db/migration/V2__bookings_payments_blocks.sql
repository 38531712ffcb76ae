-- Bookings: a confirmed sale of seats of one event. A short human code finds it at the counter.
create table bookings (
    id                text primary key,
    code              text        not null unique,
    event_id          text        not null references events (id),
    status            text        not null check (status in ('PENDING_PAYMENT', 'CONFIRMED', 'PARTIALLY_REFUNDED',
                                                                'REFUNDED', 'EXPIRED', 'EXCHANGED')),
    customer_name     text,
    customer_email    text,
    total_minor       bigint      not null check (total_minor >= 0),
    currency          char(3)     not null,
    hold_id           text,
    exchanged_from    text references bookings (id),
    created_by        text        not null,
    created_at        timestamptz not null default now()
);
create index bookings_event on bookings (event_id);
create index bookings_email on bookings (lower(customer_email));
create index bookings_name on bookings (lower(customer_name));
create unique index bookings_hold on bookings (hold_id) where hold_id is not null;

-- One row per seat sold; one ticket per row. Refunded and exchanged rows stay as history.
create table booking_seats (
    booking_id    text        not null references bookings (id),
    event_id      text        not null references events (id),
    seat_id       text        not null,
    category      text        not null,
    ticket_type   text        not null,
    price_minor   bigint      not null check (price_minor >= 0),
    status        text        not null check (status in ('ACTIVE', 'REFUNDED', 'EXCHANGED')),
    ticket_code   text        not null unique,
    qr_payload    text        not null,
    reprints      integer     not null default 0,
    ended_at      timestamptz,
    ended_by      text,
    end_reason    text,
    primary key (booking_id, seat_id)
);
-- Invariant 1: PostgreSQL alone refuses a second active sale of a seat of an event.
create unique index booking_seats_one_active_sale on booking_seats (event_id, seat_id) where status = 'ACTIVE';

-- Payments and refunds (negative amounts) of a booking.
create table payments (
    id              bigserial primary key,
    booking_id      text        not null references bookings (id),
    kind            text        not null check (kind in ('PAYMENT', 'REFUND')),
    method          text        not null check (method in ('CASH', 'CARD_TERMINAL', 'COMP', 'STRIPE', 'EXCHANGE_CREDIT')),
    amount_minor    bigint      not null,
    currency        char(3)     not null,
    tendered_minor  bigint,
    change_minor    bigint,
    reference       text,
    approved_by     text,
    status          text        not null default 'SUCCEEDED' check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'STUCK')),
    created_by      text        not null,
    created_at      timestamptz not null default now()
);
create index payments_booking on payments (booking_id);

-- House seats, kills, broken seats: never held, never sold.
create table seat_blocks (
    event_id    text        not null references events (id),
    seat_id     text        not null,
    reason      text        not null,
    blocked_by  text        not null,
    created_at  timestamptz not null default now(),
    primary key (event_id, seat_id)
);

-- A seat is either blocked or sold, never both: each side checks the other under a row lock.
create function seat_not_blocked() returns trigger language plpgsql as $$
begin
    if new.status = 'ACTIVE' and exists (select 1 from seat_blocks b where b.event_id = new.event_id and b.seat_id = new.seat_id) then
        raise exception 'seat % of event % is blocked', new.seat_id, new.event_id using errcode = '23514';
    end if;
    return new;
end;
$$;
create trigger booking_seats_not_blocked before insert on booking_seats
    for each row execute function seat_not_blocked();

create function seat_not_sold() returns trigger language plpgsql as $$
begin
    if exists (select 1 from booking_seats s where s.event_id = new.event_id and s.seat_id = new.seat_id and s.status = 'ACTIVE') then
        raise exception 'seat % of event % is sold', new.seat_id, new.event_id using errcode = '23514';
    end if;
    return new;
end;
$$;
create trigger seat_blocks_not_sold before insert on seat_blocks
    for each row execute function seat_not_sold();

-- Retries with the same Idempotency-Key get the stored answer; the key is per principal.
create table idempotency_keys (
    principal        text        not null,
    key              text        not null,
    request_hash     text        not null,
    response_status  integer,
    response_body    text,
    created_at       timestamptz not null default now(),
    primary key (principal, key)
);
