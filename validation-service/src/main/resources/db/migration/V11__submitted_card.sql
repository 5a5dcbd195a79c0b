-- The card itself, not a list of its gaps: which sections are missing depends on the tier's
-- card.required_sections in the policy a run evaluates under, so a run computes it
-- (CardRequirements of event-contracts, the rule registry-service applies too).
-- Rows recorded before keep no card: a later run of such a version counts every required section
-- as missing until the card is updated again.
ALTER TABLE submitted_version ADD COLUMN model_card TEXT;
ALTER TABLE submitted_version DROP COLUMN missing_sections;
