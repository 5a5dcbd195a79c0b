-- Inputs consumed from other services, the runs and their reports.

-- The latest submission facts of each version (from ModelVersionSubmitted and ModelCardUpdated).
CREATE TABLE submitted_version (
  model_name       TEXT    NOT NULL,
  version          INTEGER NOT NULL,
  risk_tier        TEXT    NOT NULL,
  evaluation_data  TEXT,              -- EvaluationDataRef as JSON, NULL when none was submitted
  card_present     BOOLEAN NOT NULL,
  missing_sections TEXT    NOT NULL,  -- JSON array of model card sections still missing
  declared_metrics TEXT    NOT NULL,  -- JSON object of figures the card declares
  submitted_by     TEXT    NOT NULL,
  PRIMARY KEY (model_name, version)
);

-- Every published policy version (from PolicyPublished on gatehouse.approval.v1).
CREATE TABLE policy_version (
  policy_name     TEXT        NOT NULL,
  policy_version  INTEGER     NOT NULL,
  document        TEXT        NOT NULL,
  document_sha256 TEXT        NOT NULL,
  published_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (policy_name, policy_version)
);

-- A validation run: PENDING until a worker claims it, RUNNING, then DONE.
CREATE TABLE validation_run (
  run_id          TEXT        PRIMARY KEY,
  model_name      TEXT        NOT NULL,
  version         INTEGER     NOT NULL,
  trigger         TEXT        NOT NULL,   -- submitted, card-updated, requested
  requested_by    TEXT        NOT NULL,
  requested_at    TIMESTAMPTZ NOT NULL,
  status          TEXT        NOT NULL,
  attempts        INTEGER     NOT NULL DEFAULT 0,
  claimed_at      TIMESTAMPTZ,
  started         BOOLEAN     NOT NULL DEFAULT FALSE,
  policy_name     TEXT,
  policy_version  INTEGER,
  risk_tier       TEXT,
  data_sha256     TEXT,
  row_count       BIGINT,
  gates_passed    INTEGER,
  gates_failed    INTEGER,
  report_sha256   TEXT,
  completed_at    TIMESTAMPTZ
);
CREATE INDEX validation_run_pending ON validation_run (status, requested_at);
CREATE INDEX validation_run_version ON validation_run (model_name, version, requested_at);

-- The canonical report of each completed run (its sha256 is over exactly these bytes).
CREATE TABLE validation_report (
  run_id        TEXT  PRIMARY KEY REFERENCES validation_run (run_id),
  report        BYTEA NOT NULL,
  report_sha256 TEXT  NOT NULL
);
