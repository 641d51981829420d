-- Single sign-on: which IdP account (issuer + subject, the token's stable "sub") is which person of the product.
-- Bound at the person's first single sign-on; afterwards a token whose user-id claim names the person but carries
-- another subject (an IdP account renamed, or deleted and created again under the same name), or whose subject is
-- bound to another person, is refused. Unbinding (a person's IdP account replaced on purpose) is a deletion of the
-- row by the system administrator, recorded in the change log of the installation.
create table sso_subject (
  issuer     varchar(255) not null,
  subject    varchar(255) not null,
  user_id    varchar(64)  not null,
  bound_at   timestamp    not null,
  constraint pk_sso_subject primary key (issuer, subject),
  constraint uq_sso_subject_user unique (issuer, user_id)
);
