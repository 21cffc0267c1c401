-- Endpoint requests, their items and their timeline.
create table endpoint_request (
    id                  uuid           primary key,
    requester_id        uuid           not null references portal_user (id),
    requester_name      varchar(64)    not null,
    team_id             varchar(40)    not null references team (id),
    account_id          varchar(12)       not null references aws_account (id),
    region              varchar(20)    not null,
    vpc_id              varchar(21)    not null check (vpc_id ~ '^vpc-([0-9a-f]{8}|[0-9a-f]{17})$'),
    title               varchar(120)   not null,
    justification       varchar(2000)  not null,
    expected_monthly_gb numeric(14, 3) not null default 0 check (expected_monthly_gb >= 0),
    nat_gateway_id      varchar(21)    check (nat_gateway_id ~ '^nat-([0-9a-f]{8}|[0-9a-f]{17})$'),
    status              varchar(30)    not null check (status in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED',
                            'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'PROVISIONING', 'ACTIVE', 'FAILED',
                            'DECOMMISSION_REQUESTED', 'DECOMMISSIONING', 'DELETED')),
    idempotency_key     varchar(100),
    payload_hash        varchar(64),
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null,
    submitted_at        timestamptz,
    version             bigint         not null default 0
);
-- An Idempotency-Key is unique per requester: a repeated POST finds the first request.
create unique index endpoint_request_idempotency on endpoint_request (requester_id, idempotency_key)
    where idempotency_key is not null;
-- keyset pagination, newest first, by team, account and status
create index endpoint_request_created on endpoint_request (created_at desc, id desc);
create index endpoint_request_team on endpoint_request (team_id, created_at desc, id desc);
create index endpoint_request_account on endpoint_request (account_id, created_at desc, id desc);
create index endpoint_request_status on endpoint_request (status, created_at desc, id desc);
create index endpoint_request_requester on endpoint_request (requester_id, created_at desc, id desc);

create table endpoint_request_item (
    id                 uuid          primary key,
    request_id         uuid          not null references endpoint_request (id) on delete cascade,
    position           integer       not null,
    template_key       varchar(64)   not null,
    template_version   integer       not null,
    endpoint_type      varchar(30)   not null,
    service_name       varchar(200)  not null,
    service_region     varchar(20),
    route_table_ids    varchar(21)[] not null default '{}',
    subnet_ids         varchar(24)[] not null default '{}',
    security_group_ids varchar(20)[] not null default '{}',
    private_dns        boolean       not null default false,
    policy_choice      varchar(30)   not null check (policy_choice in ('full-access', 'organization', 's3-buckets',
                           'dynamodb-tables', 'read-only', 'custom')),
    bucket_names       varchar(63)[] not null default '{}',
    table_names        varchar(255)[] not null default '{}',
    custom_policy      text,
    unique (request_id, position),
    foreign key (template_key, template_version) references endpoint_template (template_key, version)
);

create table endpoint_request_item_tag (
    item_id   uuid         not null references endpoint_request_item (id) on delete cascade,
    tag_key   varchar(128) not null,
    tag_value varchar(256) not null,
    primary key (item_id, tag_key)
);

create table request_timeline_entry (
    id          bigint        generated always as identity primary key,
    request_id  uuid          not null references endpoint_request (id) on delete cascade,
    occurred_at timestamptz   not null,
    actor       varchar(64)   not null,
    kind        varchar(40)   not null,
    from_status varchar(30),
    to_status   varchar(30),
    message     varchar(2000)
);
create index request_timeline_request on request_timeline_entry (request_id, id);
