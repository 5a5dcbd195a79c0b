-- Every published policy version (written by the policy-versions projection).
CREATE TABLE policy_version (
    policy_name      VARCHAR(64)  NOT NULL,
    policy_version   INTEGER      NOT NULL,
    document         TEXT         NOT NULL,
    document_sha256  VARCHAR(64)  NOT NULL,
    published_by     VARCHAR(512) NOT NULL,
    published_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (policy_name, policy_version)
);
