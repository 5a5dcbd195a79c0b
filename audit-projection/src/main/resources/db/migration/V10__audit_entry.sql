-- The audit log: one row per domain event, in the order audit-projection received them.
-- data holds the event's JSON exactly as it was on the wire.
CREATE TABLE audit_entry (
    seq           BIGSERIAL     PRIMARY KEY,
    event_id      VARCHAR(255)  NOT NULL UNIQUE,
    event_type    VARCHAR(255)  NOT NULL,
    source        VARCHAR(255)  NOT NULL,
    subject       VARCHAR(1024),
    model_name    VARCHAR(256),
    model_version INTEGER,
    event_time    TIMESTAMPTZ   NOT NULL,
    actor         VARCHAR(512),
    traceparent   VARCHAR(64),
    topic         VARCHAR(255)  NOT NULL,
    partition_no  INTEGER       NOT NULL,
    offset_no     BIGINT        NOT NULL,
    data          BYTEA         NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX audit_entry_model ON audit_entry (model_name, seq);
