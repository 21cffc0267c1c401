-- The AWS Organizations source accounts are discovered from: at most one row (id = 1). No keys: the portal assumes
-- role_arn (in the management or delegated-administrator account) with external_id.
create table organization_source (
    id                  smallint       primary key check (id = 1),
    role_arn            varchar(2048)  not null,
    external_id         varchar(1224),
    include_ous         varchar(80)[]  not null default '{}',
    skip_ous            varchar(80)[]  not null default '{}',
    member_role_pattern varchar(2048)  not null check (member_role_pattern like '%{accountId}%'),
    regions             varchar(20)[]  not null,
    environment         varchar(20)    not null check (environment in ('PRODUCTION', 'NON_PRODUCTION')),
    team_tag_key        varchar(128),
    updated_at          timestamptz    not null,
    updated_by          varchar(64)    not null,
    version             bigint         not null default 0
);

create table organization_ou_team (
    ou_id   varchar(80) primary key,
    team_id varchar(40) not null references team (id)
);

-- A small history of discovery runs (the newest are kept; see OrganizationDiscovery).
create table organization_discovery_run (
    id          uuid          primary key,
    started_at  timestamptz   not null,
    finished_at timestamptz,
    started_by  varchar(64)   not null,
    dry_run     boolean       not null,
    listed      integer       not null default 0,
    added       integer       not null default 0,
    updated     integer       not null default 0,
    deactivated integer       not null default 0,
    unchanged   integer       not null default 0,
    error       varchar(2000)
);
create index organization_discovery_run_started on organization_discovery_run (started_at desc);

-- where the rotating tag refresh of known accounts goes on next run
create table organization_tag_cursor (
    id         smallint    primary key check (id = 1),
    account_id varchar(12) not null
);
