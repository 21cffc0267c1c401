-- Approval rules (versioned), the approval case of each submitted request, decisions and comments.
create table approval_rule (
    id              uuid         primary key,
    rule_key        varchar(64)  not null check (rule_key ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    version         integer      not null check (version > 0),
    name            varchar(120) not null,
    priority        integer      not null,
    enabled         boolean      not null default true,
    -- match criteria: null means "any"
    template_keys   varchar(64)[],
    endpoint_types  varchar(30)[],
    account_ids     varchar(12)[],
    regions         varchar(20)[],
    teams           varchar(40)[],
    policy_choices  varchar(30)[],
    partner         boolean,
    environment     varchar(20) check (environment in ('PRODUCTION', 'NON_PRODUCTION')),
    auto_approve    boolean      not null default false,
    created_at      timestamptz  not null default now(),
    created_by      varchar(64)  not null,
    unique (rule_key, version)
);

create table approval_rule_stage (
    rule_id       uuid        not null references approval_rule (id) on delete cascade,
    position      integer     not null,
    approver_team varchar(40) not null references team (id),
    mode          varchar(3)  not null check (mode in ('ANY', 'ALL')),
    primary key (rule_id, position)
);

-- One case per request; a resubmission after "changes requested" starts a new round.
create table approval_case (
    request_id     uuid        primary key references endpoint_request (id) on delete cascade,
    round          integer     not null,
    status         varchar(20) not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED',
                                                          'CANCELLED', 'EXPIRED')),
    current_stage  integer     not null,
    requester_id   uuid        not null,
    requester_team varchar(40) not null,
    automatic      boolean     not null default false,
    matched_rules  varchar(200)[] not null default '{}',
    submitted_at   timestamptz not null,
    decided_at     timestamptz,
    version        bigint      not null default 0
);
create index approval_case_pending on approval_case (status, submitted_at);

create table approval_case_stage (
    request_id    uuid        not null references approval_case (request_id) on delete cascade,
    position      integer     not null,
    approver_team varchar(40) not null,
    mode          varchar(3)  not null check (mode in ('ANY', 'ALL')),
    status        varchar(20) not null check (status in ('WAITING', 'ACTIVE', 'APPROVED', 'REJECTED')),
    started_at    timestamptz,
    completed_at  timestamptz,
    primary key (request_id, position)
);

create table approval_decision (
    id              uuid          primary key,
    request_id      uuid          not null references endpoint_request (id) on delete cascade,
    round           integer       not null,
    stage_position  integer       not null,
    decided_by      uuid          not null references portal_user (id),
    decided_by_name varchar(64)   not null,
    decision        varchar(20)   not null check (decision in ('APPROVE', 'REJECT', 'REQUEST_CHANGES')),
    comment         varchar(2000),
    decided_at      timestamptz   not null,
    unique (request_id, round, stage_position, decided_by)
);

-- Separation of duties, enforced by the database too: no decision by the request's own requester.
create function approval_decision_not_by_requester() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from endpoint_request r where r.id = new.request_id and r.requester_id = new.decided_by) then
        raise exception 'separation of duties: user % requested %, so cannot decide on it', new.decided_by, new.request_id
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger approval_decision_separation_of_duties
    before insert or update on approval_decision
    for each row execute function approval_decision_not_by_requester();

create table request_comment (
    id          uuid          primary key,
    request_id  uuid          not null references endpoint_request (id) on delete cascade,
    author_id   uuid          not null references portal_user (id),
    author_name varchar(64)   not null,
    body        varchar(4000) not null,
    created_at  timestamptz   not null
);
create index request_comment_request on request_comment (request_id, created_at);

-- Default rules, in the order they are tried (lowest priority number first; the first match decides an item).
insert into approval_rule (id, rule_key, version, name, priority, partner, created_by)
values (gen_random_uuid(), 'partner-services', 1, 'Partner services need network, then security', 10, true, 'migration');
insert into approval_rule (id, rule_key, version, name, priority, policy_choices, created_by)
values (gen_random_uuid(), 'open-or-custom-policies', 1, 'Full-access or custom policies need network, then security', 20,
        '{full-access,custom}', 'migration');
insert into approval_rule (id, rule_key, version, name, priority, endpoint_types, policy_choices, environment,
                           auto_approve, created_by)
values (gen_random_uuid(), 'restricted-gateways-non-production', 1,
        'Gateway endpoints with a restricted policy in non-production accounts are approved automatically', 30,
        '{Gateway}', '{organization,s3-buckets,dynamodb-tables}', 'NON_PRODUCTION', true, 'migration');
insert into approval_rule (id, rule_key, version, name, priority, endpoint_types, created_by)
values (gen_random_uuid(), 'interface-endpoints', 1, 'Interface endpoints need network', 40, '{Interface}', 'migration');
insert into approval_rule (id, rule_key, version, name, priority, created_by)
values (gen_random_uuid(), 'everything-else', 1, 'Everything else needs network', 1000, 'migration');

-- The approver teams exist from the start, so that the default rules always name real teams.
insert into team (id, name) values ('network', 'Network'), ('security', 'Security') on conflict (id) do nothing;

insert into approval_rule_stage (rule_id, position, approver_team, mode)
select id, 1, 'network', 'ANY' from approval_rule where rule_key in ('partner-services', 'open-or-custom-policies',
                                                                     'interface-endpoints', 'everything-else');
insert into approval_rule_stage (rule_id, position, approver_team, mode)
select id, 2, 'security', 'ANY' from approval_rule where rule_key in ('partner-services', 'open-or-custom-policies');
