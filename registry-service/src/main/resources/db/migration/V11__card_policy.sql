-- The model card sections each risk tier requires, from the latest PolicyPublished of the policy in
-- force (gatehouse.registry.policy) on gatehouse.approval.v1; applied once per event through the
-- platform's inbox, in the same transaction. required_sections maps tier to section wire names.
CREATE TABLE card_policy (
  policy_name       TEXT PRIMARY KEY,
  policy_version    INT NOT NULL,
  required_sections JSONB NOT NULL,
  event_id          TEXT NOT NULL,
  published_at      TIMESTAMPTZ NOT NULL
);
