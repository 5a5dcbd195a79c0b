-- The audit log as an RFC 9162 Merkle tree (ADR 0006). Each entry gets a leaf index (dense, from 0,
-- in append order), its leaf (the RFC 8785 canonical CloudEvent) and leaf hash.
ALTER TABLE audit_entry
    ADD COLUMN leaf_index BIGINT,
    ADD COLUMN entry      BYTEA,
    ADD COLUMN leaf_hash  BYTEA;
ALTER TABLE audit_entry ALTER COLUMN data DROP NOT NULL;

-- The tree's head: one row, locked by every append, so appends from any consumer thread or instance
-- take the next index in one total order.
CREATE TABLE merkle_head (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    tree_size  BIGINT      NOT NULL,
    root_hash  BYTEA       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO merkle_head (id, tree_size, root_hash) VALUES (1, 0, sha256(''::bytea));

-- Tiles of height 8 (C2SP tlog-tiles layout): tile (L, N) holds up to 256 hashes of tree level 8L,
-- 32 bytes each, concatenated. Only the last tile of each level grows; the others never change.
CREATE TABLE merkle_tile (
    tile_level SMALLINT NOT NULL,
    tile_index BIGINT   NOT NULL,
    hashes     BYTEA    NOT NULL,
    PRIMARY KEY (tile_level, tile_index)
);

-- Signed checkpoints (C2SP tlog-checkpoint in a C2SP signed note), one per tree size signed.
CREATE TABLE checkpoint (
    tree_size BIGINT      PRIMARY KEY,
    root_hash BYTEA       NOT NULL,
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Results of the integrity check that re-hashes the stored log.
CREATE TABLE integrity_check (
    id              BIGSERIAL   PRIMARY KEY,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ NOT NULL,
    tree_size       BIGINT      NOT NULL,
    entries_checked BIGINT      NOT NULL,
    ok              BOOLEAN     NOT NULL,
    first_bad_index BIGINT,
    detail          TEXT        NOT NULL
);
