-- What the engine's identity tables lack: where a person sits in the organisation.
-- Role holders are memberships of the role's group in ACT_ID_MEMBERSHIP (see organisation.Role).
create table org_department (
  code      varchar(64)  primary key,
  name      varchar(200) not null,
  name_en   varchar(200)
);

create table org_section (
  code            varchar(64)  primary key,
  department_code varchar(64)  not null references org_department (code),
  name            varchar(200) not null,
  name_en         varchar(200)
);

create table org_person (
  user_id         varchar(64) primary key,
  department_code varchar(64) references org_department (code),
  section_code    varchar(64) references org_section (code),
  -- 5.1.9: only directors and employees may hold accounts of the company's systems
  employee        boolean     not null default true,
  locale          varchar(8)  not null default 'ja'
);

create index org_person_department on org_person (department_code);
create index org_person_section on org_person (section_code);
