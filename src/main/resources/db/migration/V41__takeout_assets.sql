-- 持ち出し台帳 (3.2) reads the assets from the 情報資産管理台帳 (3.1): the assets of each take-out with their version
-- and classification at filing time. An unregistered asset has no classification until its department head has
-- registered it.
alter table takeout_register alter column classification drop not null;
alter table takeout_register add column asset_ids varchar(500);

create table takeout_asset (
  business_key   varchar(32) not null,
  asset_id       varchar(16) not null,
  asset_version  integer     not null,
  classification varchar(16) not null,
  primary key (business_key, asset_id)
);
