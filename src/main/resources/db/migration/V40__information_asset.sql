-- 情報資産管理台帳 (3.1): the information assets, their importance, owner and users. Every flow takes an asset's
-- classification and owner from here, never from the requester. information_asset holds the version in force;
-- information_asset_history every version, each with the request (or import) that made it.
create table information_asset (
  -- IA-0001
  asset_id              varchar(16)   primary key,
  version               integer       not null,
  name                  varchar(200)  not null,
  description           varchar(1000),
  -- 3.1.2: ELECTRONIC_DATA (電子データ), DOCUMENT (書類), OBJECT (物)
  kind                  varchar(20)   not null,
  -- where it is kept: the server folder, the cabinet or binder, the container
  location              varchar(300)  not null,
  -- 3.1.1: PUBLIC (機密性0), INTERNAL (機密性1), SECRET (機密性2), with the criterion of the table that applies
  classification        varchar(16)   not null,
  classification_reason varchar(32)   not null,
  -- 3.1.3: the department holding it; its head is the asset's 管理責任者
  owner_department      varchar(64)   not null references org_department (code),
  -- 3.1.4: who may use it: department codes and user ids, comma separated (the owning department always may)
  user_departments      varchar(1000) default '' not null,
  user_persons          varchar(1000) default '' not null,
  -- 3.1.2: how the importance is shown on it, or that it cannot be (then this register is the label)
  labelling             varchar(300),
  label_impossible      boolean       default false not null,
  personal_data         boolean       default false not null,
  retention             varchar(200),
  -- ACTIVE (有効), RETIRED (廃棄済)
  status                varchar(16)   not null,
  changed_at            timestamp with time zone not null,
  changed_by            varchar(64)   not null,
  -- the request that made this version (AR-2026-0001), or IMPORT / DEMO for a loaded one
  change_reference      varchar(32)   not null,
  change_kind           varchar(16)   not null
);

create index information_asset_owner on information_asset (owner_department, status);

create table information_asset_history (
  asset_id              varchar(16)   not null,
  version               integer       not null,
  name                  varchar(200)  not null,
  description           varchar(1000),
  kind                  varchar(20)   not null,
  location              varchar(300)  not null,
  classification        varchar(16)   not null,
  classification_reason varchar(32)   not null,
  owner_department      varchar(64)   not null,
  user_departments      varchar(1000) default '' not null,
  user_persons          varchar(1000) default '' not null,
  labelling             varchar(300),
  label_impossible      boolean       default false not null,
  personal_data         boolean       default false not null,
  retention             varchar(200),
  status                varchar(16)   not null,
  changed_at            timestamp with time zone not null,
  changed_by            varchar(64)   not null,
  change_reference      varchar(32)   not null,
  -- REGISTERED, RECLASSIFIED, SCOPE_CHANGED, CHANGED, RETIRED, IMPORTED
  change_kind           varchar(16)   not null,
  primary key (asset_id, version)
);
