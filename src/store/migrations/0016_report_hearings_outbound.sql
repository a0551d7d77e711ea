-- The report counts the clocks as the desk does (`store/facts.rs`):
-- * a hearing's days are not counted in a 复核 case's handling clock (Art 36 第二款): the rows
--   keep the hearings as `from,to;from,to` (only a 复核 case holds any);
-- * an item this office 交办'd owes it the body's 办结报告 (Art 22 (三)), by the date set or
--   within the policy's `outbound` clock from the 交办 (the decision's instant, which the rows
--   keep): `outbound` marks such a pass-on, `report_by` is the date set, if any, and
--   `report_received_on` the day the report came back.
ALTER TABLE case_facts ADD COLUMN hearings TEXT;
ALTER TABLE case_facts ADD COLUMN outbound INTEGER;
ALTER TABLE case_facts ADD COLUMN report_by TEXT;
ALTER TABLE case_facts ADD COLUMN report_received_on TEXT;

UPDATE case_facts
SET hearings = (SELECT group_concat((h.value ->> '$.from') || ',' || (h.value ->> '$.to'), ';')
                  FROM cases c, json_each(c.doc, '$.hearings') h
                 WHERE c.id = case_facts.id)
WHERE level IS NOT NULL;

-- A pass-on is a 交办 when it asks for the report (`assign`) or sets a date for it.
UPDATE case_facts
SET (outbound, report_by, report_received_on) =
    (SELECT CASE WHEN coalesce(c.doc ->> '$.decision.assign', 0)
                      OR c.doc ->> '$.decision.report_by' IS NOT NULL THEN 1 END,
            c.doc ->> '$.decision.report_by',
            c.doc ->> '$.report_received.received_on'
       FROM cases c WHERE c.id = case_facts.id)
WHERE decision = 'pass_on';

-- A report looks up the 交办 items whose report had not come back when a window begins.
CREATE INDEX IF NOT EXISTS case_facts_owing_outbound ON case_facts (report_received_on)
    WHERE outbound IS NOT NULL;
