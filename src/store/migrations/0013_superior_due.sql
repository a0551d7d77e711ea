-- Art 22 (三): a referral's 要求办结日期 is now a clock of its own (policy key `superior`,
-- referral channel, due on the date the superior set, stopped by the 办结报告), and
-- `next_due` is the earliest due date of the clocks still running. A ledger written before
-- counted no such clock: its referrals with a date and no 办结报告 sent (none could be
-- recorded before) take that date where it comes first, unless archived: archiving ends
-- what the office owes on a referral. One pass over the cases table,
-- reading the document only of a referral's row.
UPDATE cases
SET next_due = json_extract(doc, '$.intake.referral.deadline')
WHERE channel = 'referral'
  AND json_extract(doc, '$.intake.referral.deadline') IS NOT NULL
  AND json_extract(doc, '$.report_back') IS NULL
  AND state <> 'archived'
  AND (next_due IS NULL OR next_due > json_extract(doc, '$.intake.referral.deadline'));

-- The report counts the same clock from the narrow rows (`store/facts.rs`): the superior's
-- date and the day the 办结报告 was sent. Only referrals carry them; each is read by its id.
ALTER TABLE case_facts ADD COLUMN superior_due TEXT;
ALTER TABLE case_facts ADD COLUMN reported_on TEXT;
UPDATE case_facts
SET (superior_due, reported_on) = (SELECT c.doc ->> '$.intake.referral.deadline',
                                          c.doc ->> '$.report_back.sent_on'
                                     FROM cases c WHERE c.id = case_facts.id)
WHERE channel = 'referral';
