-- A ticket's event is checked against its own booking instead of against the event row.
-- Every foreign-key check on events takes a key-share lock on the one row that all concurrent
-- sales of that event share (PostgreSQL then builds a multixact of all of them), and on a small
-- events table the check is a sequential scan: per 2-seat sale that was three scans and locks
-- of the event row, measured in the benchmark. The booking keeps its own check on events, and
-- a ticket now cannot name another event than its booking (which the old pair of checks allowed).
alter table bookings add constraint bookings_id_event_id_key unique (id, event_id);
alter table booking_seats drop constraint booking_seats_event_id_fkey;
alter table booking_seats drop constraint booking_seats_booking_id_fkey;
alter table booking_seats add constraint booking_seats_booking_event_fkey
    foreign key (booking_id, event_id) references bookings (id, event_id);
