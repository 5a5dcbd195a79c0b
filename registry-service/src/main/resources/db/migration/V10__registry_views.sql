-- Read models of registry-service. registered_model_view, model_version_view and model_card_revision
-- are rebuilt from the event store by replaying processing group registry-view (a reset empties them).
-- approval_standing follows approval-service's and validation-service's events from Kafka, applied
-- once each through the inbox.

CREATE TABLE registered_model_view (
  name          TEXT PRIMARY KEY,
  description   TEXT,
  owner_team    TEXT NOT NULL,
  risk_profile  JSONB NOT NULL,
  risk_tier     TEXT NOT NULL,
  tags          JSONB NOT NULL DEFAULT '{}',
  aliases       JSONB NOT NULL DEFAULT '{}',
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX registered_model_view_tier ON registered_model_view (risk_tier);
CREATE INDEX registered_model_view_owner ON registered_model_view (owner_team);
CREATE INDEX registered_model_view_updated ON registered_model_view (updated_at);

CREATE TABLE model_version_view (
  model_name       TEXT NOT NULL,
  version          INT NOT NULL,
  source           TEXT NOT NULL,
  run_id           TEXT,
  run_link         TEXT,
  description      TEXT,
  tags             JSONB NOT NULL DEFAULT '{}',
  current_stage    TEXT NOT NULL DEFAULT 'None',
  status           TEXT NOT NULL,            -- AWAITING_DIGEST, SUBMITTED
  retired          BOOLEAN NOT NULL DEFAULT FALSE,
  retired_reason   TEXT,
  artifact_sha256  TEXT,
  artifact_size    BIGINT,
  submitted_by     TEXT,
  authors          JSONB NOT NULL DEFAULT '[]',
  card             JSONB,
  card_revision    INT NOT NULL DEFAULT 0,
  missing_sections JSONB,
  lineage          JSONB,
  evaluation_data  JSONB,
  created_by       TEXT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (model_name, version)
);
CREATE INDEX model_version_view_updated ON model_version_view (updated_at);
CREATE INDEX model_version_view_run ON model_version_view (run_id);

CREATE TABLE model_card_revision (
  model_name       TEXT NOT NULL,
  version          INT NOT NULL,
  revision         INT NOT NULL,
  card             JSONB NOT NULL,
  missing_sections JSONB NOT NULL,
  updated_by       TEXT NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (model_name, version, revision)
);

CREATE TABLE approval_standing (
  model_name  TEXT NOT NULL,
  version     INT NOT NULL,
  case_id     TEXT,
  document    TEXT NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (model_name, version)
);
