-- Policy documents approval-service published (PolicyPublished); monitoring reads their drift sections.
CREATE TABLE policy_document (
  policy_name    TEXT    NOT NULL,
  policy_version INTEGER NOT NULL,
  document       TEXT    NOT NULL,
  PRIMARY KEY (policy_name, policy_version)
);

-- What monitoring knows of each model version (projection of the MonitoredVersion aggregate).
CREATE TABLE monitored_version (
  model_name      TEXT        NOT NULL,
  version         INTEGER     NOT NULL,
  risk_tier       TEXT,
  policy_name     TEXT,
  policy_version  INTEGER,
  profile         TEXT        NOT NULL DEFAULT '[]',
  profile_source  TEXT,
  profile_set_by  TEXT,
  profile_set_at  TIMESTAMPTZ,
  baseline        TEXT        NOT NULL DEFAULT '[]',
  revision        BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (model_name, version)
);

-- Every window the engine closed (and every outside signal), as applied: the monitoring view.
CREATE TABLE window_result (
  result_id     TEXT        PRIMARY KEY,
  model_name    TEXT        NOT NULL,
  version       INTEGER     NOT NULL,
  kind          TEXT        NOT NULL,
  window_start  TIMESTAMPTZ,
  window_end    TIMESTAMPTZ,
  closed_at     TIMESTAMPTZ NOT NULL,
  sample_size   BIGINT      NOT NULL,
  closed_by     TEXT,
  result        TEXT        NOT NULL,
  applied_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX window_result_version ON window_result (model_name, version, closed_at DESC);
