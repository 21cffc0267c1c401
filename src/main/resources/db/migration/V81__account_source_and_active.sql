-- Accounts come from an admin (HAND) or from AWS Organizations discovery (ORGANIZATION). Discovery never touches a
-- HAND account. An inactive account (suspended, closed or gone from the organization) keeps its history but is no
-- longer synced nor offered in request forms. Tags are the account's AWS Organizations tags as "key=value".
alter table aws_account
    add column source            varchar(20)    not null default 'HAND' check (source in ('HAND', 'ORGANIZATION')),
    add column active            boolean        not null default true,
    add column inactive_reason   varchar(200),
    add column org_tags          varchar(600)[] not null default '{}',
    add column tags_refreshed_at timestamptz;

-- the account pickers search by id or name among active accounts
create index aws_account_active_name on aws_account (active, lower(name));
