-- クラウドサービス台帳 (7.18, 4.1.3): one row per approved cloud service, entered by the cloudUse flow once the
-- non-disclosure agreement with the service's administrator is confirmed. The approval number is the request's
-- business key (CU-2026-0001). Rejected and withdrawn requests are only in the audit records.
create table cloud_service_register (
  approval_number                varchar(32)   primary key,
  process_instance_id            varchar(64)   not null,
  service_name                   varchar(200)  not null,
  provider                       varchar(200)  not null,
  purpose                        varchar(1000) not null,
  -- the highest classification of the data it may hold (3.1.1): PUBLIC, INTERNAL, SECRET; INTERNAL and SECRET were
  -- approved explicitly by the security officer (7.18)
  classification                 varchar(16)   not null,
  -- 4.1.3: used to store backups; then terms_conform and facility_outside_disaster_area are both true
  backup_use                     boolean       default false not null,
  -- 7.18: the external address the service is registered with
  registration_email             varchar(254)  not null,
  expected_start_date            date,
  -- the system administrator's evaluation of the provider (7.18)
  data_location                  varchar(200),
  iso27017_certified             boolean       default false not null,
  cs_mark_certified              boolean       default false not null,
  other_certifications           varchar(500),
  terms_conform                  boolean       default false not null,
  -- null when the service is not used for backup (not evaluated)
  facility_outside_disaster_area boolean,
  requester                      varchar(64)   not null,
  department_code                varchar(64),
  evaluated_by                   varchar(64)   not null,
  approved_by                    varchar(64)   not null,
  approved_on                    date          not null,
  nda_signed_on                  date          not null,
  nda_reference                  varchar(200),
  nda_confirmed_by               varchar(64)   not null,
  -- when the use is due for review (isms.cloud.review-period after approved_on)
  review_date                    date          not null,
  -- IN_USE
  status                         varchar(16)   not null,
  registered_at                  timestamp with time zone not null
);

create index cloud_service_register_review on cloud_service_register (status, review_date);
