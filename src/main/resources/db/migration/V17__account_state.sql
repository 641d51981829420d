-- What the engine does not know of our users (5.1.7, 5.1.8): disabled accounts and the last successful login.
create table account_state (
  user_id        varchar(64) primary key,
  disabled       boolean     not null default false,
  disabled_at    timestamp with time zone,
  disabled_by    varchar(64),
  reason         varchar(500),
  last_login_at  timestamp with time zone
);
