CREATE TABLE seen (
    id          BIGSERIAL    PRIMARY KEY,
    event_id    VARCHAR(255) NOT NULL,
    event_type  VARCHAR(255) NOT NULL,
    model_key   VARCHAR(255),
    actor       VARCHAR(255)
);
