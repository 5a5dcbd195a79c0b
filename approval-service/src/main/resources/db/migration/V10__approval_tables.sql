-- Gate results that arrived before their case was opened (validation may be faster than the
-- registry event reaches approval-service); applied to the case when it opens.
CREATE TABLE pending_gate_result (
    case_id      VARCHAR(64)  NOT NULL,
    gate_id      VARCHAR(255) NOT NULL,
    passed       BOOLEAN      NOT NULL,
    data_sha256  VARCHAR(64)  NOT NULL,
    evidence     TEXT         NOT NULL,
    reason       TEXT,
    run_id       VARCHAR(255) NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    seq          BIGSERIAL    PRIMARY KEY
);
CREATE INDEX pending_gate_result_case ON pending_gate_result (case_id, seq);

-- The case view: rebuilt from the event store by the case-view projection.
CREATE TABLE case_view (
    case_id         VARCHAR(64)  PRIMARY KEY,
    model_name      VARCHAR(256) NOT NULL,
    version         INTEGER      NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    awaiting_roles  TEXT         NOT NULL,
    document        TEXT         NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_view_model ON case_view (model_name, version);
CREATE INDEX case_view_status ON case_view (status);
