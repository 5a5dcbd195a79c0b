-- Consumed CloudEvent ids, written in the same transaction as the effect of the event:
-- a redelivered event finds its id here and is skipped, so each event takes effect once.
CREATE TABLE inbox (
    consumer     VARCHAR(255) NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(255) NOT NULL,
    topic        VARCHAR(255) NOT NULL,
    partition_no INTEGER      NOT NULL,
    offset_no    BIGINT       NOT NULL,
    consumed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
