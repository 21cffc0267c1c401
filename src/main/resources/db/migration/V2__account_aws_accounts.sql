-- AWS accounts teams may request endpoints in. No keys are stored: the portal assumes role_arn.
create table aws_account (
    id          varchar(12)      primary key check (id ~ '^[0-9]{12}$'),
    name        varchar(100)  not null,
    role_arn    varchar(2048),
    external_id varchar(1224),
    environment varchar(20)   not null default 'NON_PRODUCTION' check (environment in ('PRODUCTION', 'NON_PRODUCTION')),
    regions     varchar(20)[] not null,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     bigint        not null default 0
);

create table aws_account_team (
    account_id varchar(12)    not null references aws_account (id) on delete cascade,
    team_id    varchar(40) not null references team (id),
    primary key (account_id, team_id)
);
