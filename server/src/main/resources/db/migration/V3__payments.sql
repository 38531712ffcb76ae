-- Card payments through Stripe, pending-payment recovery, cash drawers.

-- A booking waiting for a card payment keeps its seats ACTIVE (so the unique index reserves them)
-- until its payment deadline; the recovery job settles it after that.
alter table bookings add column payment_deadline timestamptz;
create index bookings_pending_deadline on bookings (payment_deadline) where status = 'PENDING_PAYMENT';

-- Seats of a booking whose payment never arrived end as EXPIRED.
alter table booking_seats drop constraint booking_seats_status_check;
alter table booking_seats add constraint booking_seats_status_check
    check (status in ('ACTIVE', 'REFUNDED', 'EXCHANGED', 'EXPIRED'));

-- The Stripe side of a payment: the PaymentIntent a card payment waits on (one booking, one
-- intent) or that a card refund goes back to; its client secret is handed to the paying client.
alter table payments add column stripe_intent_id text;
alter table payments add column stripe_client_secret text;
alter table payments add column status_detail text;
alter table payments add column checked_at timestamptz;
create unique index payments_one_intent on payments (stripe_intent_id) where kind = 'PAYMENT' and stripe_intent_id is not null;
create index payments_unsettled on payments (status) where status in ('PENDING', 'STUCK');
create index payments_created_at on payments (created_at);

-- Webhook events already handled: a redelivered event is acknowledged and not applied again.
create table stripe_events (
    id           text primary key,
    type         text        not null,
    received_at  timestamptz not null default now()
);

-- Cash drawers: one open session per staff member; every cash sale and refund is a movement.
create table drawer_sessions (
    id              bigserial primary key,
    clerk           text        not null references users (username),
    currency        char(3)     not null,
    float_minor     bigint      not null check (float_minor >= 0),
    opened_at       timestamptz not null default now(),
    closed_at       timestamptz,
    counted_minor   bigint check (counted_minor >= 0),
    expected_minor  bigint,
    note            text,
    check ((closed_at is null) = (counted_minor is null))
);
create unique index drawer_sessions_one_open on drawer_sessions (clerk) where closed_at is null;
create index drawer_sessions_opened_at on drawer_sessions (opened_at);

create table drawer_movements (
    id            bigserial primary key,
    session_id    bigint      not null references drawer_sessions (id),
    payment_id    bigint      not null unique references payments (id),
    booking_id    text        not null references bookings (id),
    kind          text        not null check (kind in ('SALE', 'REFUND')),
    amount_minor  bigint      not null,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    check ((kind = 'SALE') = (amount_minor >= 0))
);
create index drawer_movements_session on drawer_movements (session_id);
