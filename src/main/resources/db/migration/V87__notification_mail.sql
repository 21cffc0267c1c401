-- E-mail notifications. Like webhook deliveries, a mail is an outbox row written in the transaction of the event it
-- announces (one row per recipient), then sent over SMTP by the dispatcher and retried with backoff.
create table mail_delivery (
    id              bigint       generated always as identity primary key,
    kind            varchar(30)  not null,
    recipient       varchar(64)  not null,
    email           varchar(254) not null,
    subject         varchar(300) not null,
    body            text         not null,
    request_id      uuid,
    status          varchar(12)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'GIVING_UP')),
    attempts        integer      not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
-- what the dispatcher polls: only rows still to send
create index mail_delivery_due_idx on mail_delivery (next_attempt_at, id) where status in ('PENDING', 'FAILED');

-- The kinds of mail a user turned off (a row per kind; no row: the kind is sent).
create table notification_opt_out (
    user_id uuid        not null,
    kind    varchar(30) not null,
    primary key (user_id, kind)
);

-- One reminder per approval stage that waits past its SLA: the key makes a second reminder (or a second instance
-- sending the same one) impossible.
create table mail_sla_reminder (
    request_id uuid        not null,
    round      integer     not null,
    stage      integer     not null,
    sent_at    timestamptz not null,
    primary key (request_id, round, stage)
);
