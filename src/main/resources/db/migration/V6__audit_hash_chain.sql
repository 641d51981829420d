-- Tamper evidence of the decision record: every record carries the SHA-256 of its content chained to the hash of
-- the record before it; the head row holds the last link, so that a deleted last record is detected too.
alter table audit_record add column previous_hash varchar(64);
alter table audit_record add column record_hash varchar(64);

create table audit_chain_head (
  id        integer     primary key,
  last_id   bigint      not null,
  last_hash varchar(64) not null
);

insert into audit_chain_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
