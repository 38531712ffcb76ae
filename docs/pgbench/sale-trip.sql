-- One sale as the server writes it (decision 013): key with its answer, booking, two seats,
-- payment, audit entry and COMMIT in one pipeline, with the sizes of a real sale (answer about
-- 1.4 kB, QR payloads about 180 bytes). Run by ./run in this folder, which also makes an eight-sale
-- transaction of its insert lines (keep one statement per line). One difference: here BEGIN
-- is in the pipeline, while the server's pgjdbc sends it ahead as a query of its own.
\set n random(1, 9000000000000000)
\startpipeline
begin;
insert into idempotency_keys (principal, key, request_hash, response_status, response_body) values ('clerk', 'k' || (:n)::text, 'hash0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab', 201, repeat('x', 1400));
insert into bookings (id, code, event_id, status, customer_name, customer_email, total_minor, currency, hold_id, exchanged_from, created_by, payment_deadline, created_at) values ('b' || (:n)::text, 'C' || (:n)::text, 'ev1', 'CONFIRMED', null, null, 4000, 'EUR', 'h' || (:n)::text, null, 'clerk', null, now());
insert into booking_seats (booking_id, event_id, seat_id, category, ticket_type, price_minor, status, ticket_code, qr_payload) select 'b' || (:n)::text, 'ev1', unnest(array['s1'||(:n)::text,'s2'||(:n)::text]::text[]), unnest(array['A','A']::text[]), unnest(array['ADULT','ADULT']::text[]), unnest(array[2000,2000]::bigint[]), 'ACTIVE', unnest(array['t1'||(:n)::text,'t2'||(:n)::text]::text[]), unnest(array[repeat('q',180),repeat('q',180)]::text[]);
insert into payments (booking_id, kind, method, amount_minor, currency, tendered_minor, change_minor, reference, approved_by, created_by, status, stripe_intent_id, created_at) select 'b' || (:n)::text, unnest(array['PAYMENT']::text[]), unnest(array['CARD_TERMINAL']::text[]), unnest(array[4000]::bigint[]), unnest(array['EUR']::text[]), unnest(array[null]::bigint[]), unnest(array[null]::bigint[]), unnest(array['REF']::text[]), unnest(array[null]::text[]), unnest(array['clerk']::text[]), unnest(array['SUCCEEDED']::text[]), unnest(array[null]::text[]), coalesce(null::timestamptz, now()) returning id;
insert into audit_log (actor, action, subject, detail) values ('clerk', 'BOOKING_CONFIRMED', 'b' || (:n)::text, '{"code":"X","event":"ev1","seats":["a","b"],"total":4000,"payments":[{"method":"CARD_TERMINAL","amount":4000}]}'::jsonb);
commit;
\endpipeline
