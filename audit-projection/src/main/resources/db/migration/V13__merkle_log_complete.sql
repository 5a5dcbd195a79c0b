-- Every entry is a leaf now (V12 appended the entries recorded before the tree existed). The leaf is
-- the only copy of the event: the wire bytes are dropped so that nothing served can differ from what
-- was hashed.
ALTER TABLE audit_entry
    ALTER COLUMN leaf_index SET NOT NULL,
    ALTER COLUMN entry SET NOT NULL,
    ALTER COLUMN leaf_hash SET NOT NULL,
    DROP COLUMN data;
-- The leaf index is the entry's identity and order; the arrival sequence is no longer needed.
DROP INDEX audit_entry_model;
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_pkey;
ALTER TABLE audit_entry DROP COLUMN seq;
ALTER TABLE audit_entry ADD PRIMARY KEY (leaf_index);
CREATE INDEX audit_entry_model ON audit_entry (model_name, model_version, leaf_index);
CREATE INDEX audit_entry_type ON audit_entry (event_type, leaf_index);
CREATE INDEX audit_entry_actor ON audit_entry (actor, leaf_index);
