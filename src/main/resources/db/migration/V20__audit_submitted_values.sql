-- What a user submitted when filing or completing a step (JSON, the form's fields), hash-chained with the record.
-- It replaces the engine's variable-update history (ACT_HI_DETAIL), which the product no longer writes.
alter table audit_record add column submitted_values text;
