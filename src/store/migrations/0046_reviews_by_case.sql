-- A 复查 or 复核 is asked once of a case's opinion (2022 Art 35, Art 36): before a second
-- review is opened, or a step of the reviewed case undone, the review already made on it
-- is looked up by the case it reviews.
CREATE INDEX IF NOT EXISTS cases_by_review_of ON cases (review_of) WHERE review_of IS NOT NULL;
