-- What the policy engine reads per account: its AWS Organization (organization-wide endpoint and bucket policies)
-- and the break-glass principals that bucket policies must never lock out.
alter table aws_account
    add column organization_id        varchar(34) check (organization_id ~ '^o-[a-z0-9]{10,32}$'),
    add column break_glass_principals varchar(2048)[] not null default '{}';
