-- Views for governance boards, derived from the audit log only and rebuilt from it by replay.
-- view_model keeps each model's folded state (JSON text); the other tables are flat projections of it,
-- rewritten for every model an append touches.
CREATE TABLE view_model (
    model_name VARCHAR(256) PRIMARY KEY,
    state      TEXT         NOT NULL,
    last_leaf  BIGINT       NOT NULL
);

CREATE TABLE view_version (
    model_name             VARCHAR(256) NOT NULL,
    version                INTEGER      NOT NULL,
    tier                   VARCHAR(32),
    status                 VARCHAR(32),
    case_id                VARCHAR(300),
    policy_name            VARCHAR(256),
    policy_version         INTEGER,
    submitted_by           VARCHAR(512),
    submitted_at           TIMESTAMPTZ,
    opened_at              TIMESTAMPTZ,
    approved_at            TIMESTAMPTZ,
    valid_until            TIMESTAMPTZ,
    break_glass            BOOLEAN      NOT NULL,
    review_due_by          TIMESTAMPTZ,
    suspended              BOOLEAN      NOT NULL,
    recertification_due_at TIMESTAMPTZ,
    expired_at             TIMESTAMPTZ,
    stages                 TEXT         NOT NULL,
    awaiting_roles         TEXT[]       NOT NULL,
    PRIMARY KEY (model_name, version)
);
CREATE INDEX view_version_awaiting ON view_version USING gin (awaiting_roles);

CREATE TABLE view_signoff (
    leaf_index  BIGINT       PRIMARY KEY,
    model_name  VARCHAR(256) NOT NULL,
    version     INTEGER      NOT NULL,
    tier        VARCHAR(32),
    role        VARCHAR(64)  NOT NULL,
    signer      VARCHAR(512) NOT NULL,
    decision    VARCHAR(32)  NOT NULL,
    signed_at   TIMESTAMPTZ  NOT NULL,
    opened_at   TIMESTAMPTZ
);
CREATE INDEX view_signoff_model ON view_signoff (model_name);
CREATE INDEX view_signoff_signer ON view_signoff (signer);

CREATE TABLE view_gate (
    model_name VARCHAR(256) NOT NULL,
    version    INTEGER      NOT NULL,
    gate_id    VARCHAR(128) NOT NULL,
    outcome    VARCHAR(16)  NOT NULL,
    failures   INTEGER      NOT NULL,
    PRIMARY KEY (model_name, version, gate_id)
);

CREATE TABLE view_drift (
    signal_id   VARCHAR(256) PRIMARY KEY,
    model_name  VARCHAR(256) NOT NULL,
    version     INTEGER      NOT NULL,
    feature     VARCHAR(256),
    statistic   VARCHAR(64),
    value       DOUBLE PRECISION,
    severity    VARCHAR(32),
    detected_at TIMESTAMPTZ  NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX view_drift_model ON view_drift (model_name);
