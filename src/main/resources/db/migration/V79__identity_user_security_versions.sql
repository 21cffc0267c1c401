-- Two counters per user that a browser session compares on every request (one primary-key read):
-- access_version moves when roles, teams, the display name or the enabled flag change (the session's principal is
-- reloaded, or the session ends when the user was disabled); credentials_version moves when the password changes
-- (every session of the user ends).
alter table portal_user
    add column access_version      bigint not null default 0,
    add column credentials_version bigint not null default 0;
