-- Outgoing webhooks registered by admins, and their deliveries (an outbox: a delivery row is written in the
-- transaction of the change it announces, then sent by the dispatcher, retried with backoff).
create table webhook (
    id          uuid          primary key,
    name        varchar(100)  not null,
    url         varchar(2000) not null check (url ~* '^https?://'),
    -- the HMAC key shared with the receiver: kept to sign deliveries, shown once at creation, then only its end
    secret      varchar(200)  not null,
    event_types varchar(40)[] not null check (cardinality(event_types) > 0),
    enabled     boolean       not null default true,
    created_at  timestamptz   not null,
    created_by  varchar(64)   not null
);

create table webhook_delivery (
    id               bigint       generated always as identity primary key,
    webhook_id       uuid         not null references webhook (id) on delete cascade,
    event_type       varchar(40)  not null,
    event_id         uuid         not null,
    payload          text         not null,
    status           varchar(12)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'GIVING_UP')),
    attempts         integer      not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(500),
    created_at       timestamptz  not null,
    delivered_at     timestamptz,
    unique (webhook_id, event_id)
);
-- what the dispatcher polls: only rows still to send
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, id) where status in ('PENDING', 'FAILED');
-- the delivery log of one webhook, newest first
create index webhook_delivery_log_idx on webhook_delivery (webhook_id, id);
