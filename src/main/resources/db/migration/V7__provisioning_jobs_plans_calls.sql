-- db-scheduler's table: durable one-time tasks, claimed with heartbeats so that a crashed instance's
-- work is picked up by another one.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- One provisioning job per approved request: what the portal will do (the plan) and how far it got.
create table provisioning_job (
    request_id   uuid          primary key references endpoint_request (id) on delete cascade,
    mode         varchar(10)   not null check (mode in ('PLAN', 'APPLY')),
    status       varchar(20)   not null check (status in ('PLANNED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED',
                                                          'NEEDS_OPERATOR')),
    step         varchar(30),
    attempts     integer       not null default 0,
    last_error   varchar(4000),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0
);

-- The endpoint each request item became.
create table provisioned_endpoint (
    request_id       uuid         not null references provisioning_job (request_id) on delete cascade,
    position         integer      not null,
    client_token     varchar(64)  not null,
    vpc_endpoint_id  varchar(32),
    state            varchar(30),
    last_error       varchar(2000),
    updated_at       timestamptz  not null,
    primary key (request_id, position)
);

-- The exact calls the portal will make (plan) or would make (plan-only mode), in order.
create table planned_call (
    request_id uuid          not null references provisioning_job (request_id) on delete cascade,
    seq        integer       not null,
    position   integer,
    action     varchar(60)   not null,
    summary    varchar(500)  not null,
    parameters text          not null,
    primary key (request_id, seq)
);

-- Every AWS call made for a request: action, ids, outcome, duration and error code; never credentials.
create table aws_call (
    id          bigint        generated always as identity primary key,
    request_id  uuid          not null references endpoint_request (id) on delete cascade,
    called_at   timestamptz   not null,
    account_id  varchar(12)   not null,
    region      varchar(20)   not null,
    action      varchar(60)   not null,
    target      varchar(300),
    outcome     varchar(20)   not null check (outcome in ('OK', 'ERROR', 'THROTTLED')),
    duration_ms integer       not null,
    error_code  varchar(100),
    message     varchar(1000)
);
create index aws_call_request on aws_call (request_id, id);
