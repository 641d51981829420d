-- パスワード再発行の記録 (5.1.6): one row per reissued password, kept by the passwordReissue flow. Who filed, whose
-- identity was checked by whom and how, who issued the new password and how it was handed over. The password itself
-- is never stored (the one-time password of this product is shown once to the system administrator).
create table password_reissue_register (
  business_key          varchar(32)  primary key,
  process_instance_id   varchar(64)  not null,
  requester             varchar(64)  not null,
  user_id               varchar(64)  not null,
  -- PRODUCT (this approval system) or a system of the account register (FILE_SERVER, INTERNAL_SYSTEM_A, ...)
  system_code           varchar(32)  not null,
  account_id            varchar(128),
  identity_checked_by   varchar(64)  not null,
  -- IN_PERSON, CALLBACK, VIDEO_CALL
  identity_check_method varchar(32)  not null,
  identity_check_note   varchar(1000),
  issued_by             varchar(64)  not null,
  -- IN_PERSON, PHONE
  delivery_method       varchar(32)  not null,
  issued_at             timestamp with time zone not null
);

create index password_reissue_register_user on password_reissue_register (user_id);
