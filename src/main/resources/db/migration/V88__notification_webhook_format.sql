-- The layout of a webhook's messages: the portal's signed JSON, or a chat message (Slack, Microsoft Teams).
alter table webhook add column format varchar(12) not null default 'PORTAL_JSON'
    check (format in ('PORTAL_JSON', 'SLACK', 'TEAMS'));
