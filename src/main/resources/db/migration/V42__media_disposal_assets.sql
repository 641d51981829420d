-- 媒体廃棄台帳 (3.3.1) reads what the medium holds from the 情報資産管理台帳 (3.1): the assets of each disposal with
-- their version and classification at filing time, whether the disposal removes their last copy (then executing it
-- retires them in the register), and the decision of the assets' 管理責任者 (3.1.3). Unregistered content is
-- recorded with no asset and the classification 極秘.
alter table media_disposal_register add column asset_ids varchar(500);
alter table media_disposal_register add column last_copy boolean default false not null;
alter table media_disposal_register add column owner_approver varchar(64);
alter table media_disposal_register add column owner_approver_role varchar(64);
alter table media_disposal_register add column owner_decided_at timestamp with time zone;
alter table media_disposal_register add column retired_asset_ids varchar(500);

create table media_disposal_asset (
  business_key   varchar(32) not null,
  asset_id       varchar(16) not null,
  asset_version  integer     not null,
  classification varchar(16) not null,
  primary key (business_key, asset_id)
);
