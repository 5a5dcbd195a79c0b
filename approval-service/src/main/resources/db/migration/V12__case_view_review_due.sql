-- Break-glass approvals whose retrospective review is not done: listed by due date, overdue first.
ALTER TABLE case_view ADD COLUMN review_due_by TIMESTAMPTZ;
CREATE INDEX case_view_review_due ON case_view (review_due_by) WHERE review_due_by IS NOT NULL;
