-- 入社手続きの記録 (2.1, 2.4, 5.1.9): one row per onboarding request, kept by the onboarding flow. The signed
-- confidentiality undertaking (its attachment and SHA-256), who checked it and created the account, the account
-- requests filed for the person's systems, and the initial training.
create table onboarding_register (
  business_key              varchar(32)  primary key,
  process_instance_id       varchar(64)  not null,
  requester                 varchar(64)  not null,
  user_id                   varchar(64)  not null,
  department_code           varchar(64)  not null,
  hire_date                 date         not null,
  undertaking_attachment_id varchar(64)  not null,
  undertaking_sha256        varchar(64)  not null,
  -- the system administrator who checked the undertaking and created the account
  account_created_by        varchar(64)  not null,
  account_created_at        timestamp with time zone not null,
  -- the accountRequest numbers filed for the person (AR-2026-0001,AR-2026-0002)
  account_requests          varchar(500),
  trained_by                varchar(64),
  trained_on                date,
  training_content          varchar(1000)
);

create index onboarding_register_user on onboarding_register (user_id);
