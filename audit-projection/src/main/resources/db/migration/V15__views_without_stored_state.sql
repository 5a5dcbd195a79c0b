-- A model's folded state lives in memory and is folded again from its log entries when missing, so
-- the stored copy is gone. Drift rows are keyed per model version: a signal id is the monitor's and
-- need not be unique across models. The views are emptied: the service rebuilds them from the log
-- at start (ViewRebuild), so rows written by the earlier code (a sign-off's case opening, a
-- re-detected signal) cannot stay stale.
DROP TABLE view_model;
ALTER TABLE view_drift DROP CONSTRAINT view_drift_pkey;
DROP INDEX view_drift_model;
ALTER TABLE view_drift ADD PRIMARY KEY (model_name, version, signal_id);
TRUNCATE view_version, view_signoff, view_gate, view_drift;
