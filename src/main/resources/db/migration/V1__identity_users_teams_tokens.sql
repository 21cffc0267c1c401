-- Users, teams, roles and personal API tokens.
create table team (
    id          varchar(40)  primary key check (id ~ '^[a-z][a-z0-9-]{1,39}$'),
    name        varchar(100) not null,
    created_at  timestamptz  not null default now()
);

create table portal_user (
    id            uuid         primary key,
    username      varchar(64)  not null unique,
    display_name  varchar(100) not null,
    email         varchar(254),
    password_hash varchar(200),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

create table user_role (
    user_id uuid        not null references portal_user (id) on delete cascade,
    role    varchar(20) not null check (role in ('REQUESTER', 'APPROVER', 'ADMIN')),
    primary key (user_id, role)
);

create table team_membership (
    user_id uuid        not null references portal_user (id) on delete cascade,
    team_id varchar(40) not null references team (id),
    primary key (user_id, team_id)
);

-- Only a SHA-256 of each token is kept; the token itself is shown once.
create table api_token (
    id           uuid         primary key,
    user_id      uuid         not null references portal_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64)     not null unique,
    token_prefix varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);
