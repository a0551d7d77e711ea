-- The report counts 复查 and 复核 (Art 35–36) and runs a review case's own 30-day handling
-- clock: the narrow rows keep the level of a review case (NULL for first handling). A review
-- case is `linked`; only those rows read their document. A review written before the second
-- level has no `review_level` and reads as 复查, as `Case::level` does.
ALTER TABLE case_facts ADD COLUMN level TEXT;
UPDATE case_facts
SET level = (SELECT CASE WHEN c.doc ->> '$.review_of' IS NULL THEN NULL
                         ELSE coalesce(c.doc ->> '$.review_level', 'review') END
               FROM cases c WHERE c.id = case_facts.id)
WHERE linked;

-- The steps the report counts from the journal (催办, 化解, …: `stats::COUNTED_STEPS`) are
-- found by their kind, and read from the index alone (a test that takes a ledger back to an
-- older schema keeps its journal, and so this index).
CREATE INDEX IF NOT EXISTS events_by_op ON events (op, at);

-- A referral's 办结报告 stays owed after its reply (Art 22 (三)): a report looks up the
-- referrals with a date not yet sent back when a window begins.
CREATE INDEX IF NOT EXISTS case_facts_owing_report ON case_facts (reported_on)
    WHERE superior_due IS NOT NULL;
