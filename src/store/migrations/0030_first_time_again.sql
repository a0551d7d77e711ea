-- 初信初访 (issue 19): whether a first-time case was closed at once depends on the next case
-- the same person brought after it, which the report looked up for every first-time case
-- served in its windows (three index seeks each: a year's report at a million cases,
-- half a million). The receipt instant of that next case is now kept on the earlier case's
-- row, written forward when the later case's petitioners go in, so the report counts the
-- first-time cases of a window from one index (`store/first_time_counts.rs`).
--   again_at  unix seconds: the earliest receipt among the later cases that share a
--             petitioner with this one (same ID number, phone, or name and address; a later
--             second, or the same second and a larger id: `store/again.rs`); NULL: none.
ALTER TABLE case_facts ADD COLUMN again_at INTEGER;

-- Each person's cases in receipt order, each case once per person: the next one's receipt.
-- `store/again.rs` (`mark`) runs the same for the bulk writer, and `check` compares it.
UPDATE case_facts SET again_at = later.at FROM (
    SELECT case_id, min(nxt) AS at FROM (
        SELECT case_id, lead(received_at) OVER (PARTITION BY k ORDER BY received_at, case_id)
               AS nxt
          FROM (SELECT DISTINCT id_number AS k, case_id, received_at FROM petitioners
                 WHERE id_number <> '')
        UNION ALL
        SELECT case_id, lead(received_at) OVER (PARTITION BY k ORDER BY received_at, case_id)
          FROM (SELECT DISTINCT phone AS k, case_id, received_at FROM petitioners
                 WHERE phone <> '')
        UNION ALL
        SELECT case_id, lead(received_at) OVER (PARTITION BY k, a ORDER BY received_at, case_id)
          FROM (SELECT DISTINCT name AS k, address AS a, case_id, received_at FROM petitioners
                 WHERE name <> '' AND address <> ''))
     WHERE nxt IS NOT NULL GROUP BY case_id) AS later
 WHERE case_facts.id = later.case_id;

-- A new petitioner is the next case of every earlier case of the same person that had
-- none sooner; and a paper record entered after the fact (received earlier than cases
-- already in) takes the receipt of the first later one. The case's facts row is written
-- before its petitioners. The bulk writer drops this trigger and runs `again::mark` at the end.
CREATE TRIGGER IF NOT EXISTS petitioners_again AFTER INSERT ON petitioners
BEGIN
    UPDATE case_facts SET again_at = NEW.received_at
     WHERE (again_at IS NULL OR again_at > NEW.received_at) AND id IN (
        SELECT q.case_id FROM petitioners q
         WHERE NEW.id_number <> '' AND q.id_number = NEW.id_number
           AND (q.received_at, q.case_id) < (NEW.received_at, NEW.case_id)
        UNION ALL
        SELECT q.case_id FROM petitioners q
         WHERE NEW.phone <> '' AND q.phone = NEW.phone
           AND (q.received_at, q.case_id) < (NEW.received_at, NEW.case_id)
        UNION ALL
        SELECT q.case_id FROM petitioners q
         WHERE NEW.name <> '' AND NEW.address <> '' AND q.name = NEW.name
           AND q.address = NEW.address
           AND (q.received_at, q.case_id) < (NEW.received_at, NEW.case_id));
    UPDATE case_facts SET again_at = (
        SELECT min(at) FROM (
            SELECT again_at AS at
            UNION ALL
            SELECT q.received_at FROM petitioners q
             WHERE NEW.id_number <> '' AND q.id_number = NEW.id_number
               AND (q.received_at, q.case_id) > (NEW.received_at, NEW.case_id)
            UNION ALL
            SELECT q.received_at FROM petitioners q
             WHERE NEW.phone <> '' AND q.phone = NEW.phone
               AND (q.received_at, q.case_id) > (NEW.received_at, NEW.case_id)
            UNION ALL
            SELECT q.received_at FROM petitioners q
             WHERE NEW.name <> '' AND NEW.address <> '' AND q.name = NEW.name
               AND q.address = NEW.address
               AND (q.received_at, q.case_id) > (NEW.received_at, NEW.case_id)))
     WHERE id = NEW.case_id;
END;

-- The first-time cases by the day their reply was served: a window's 初信初访 and 一次办结
-- counted from this index alone (the flags too, which its condition names: the planner
-- reads a column from the index only when the index holds it).
CREATE INDEX IF NOT EXISTS case_facts_first_time
    ON case_facts (served_on, received_at, again_at, attached, linked, earlier_petitioner)
    WHERE NOT linked AND NOT earlier_petitioner AND served_on IS NOT NULL;

-- 领导阅批率 (`store/signed.rs`) counted the letters of a window and those with a leader's
-- 批示 from each letter's document: at a million cases, a year's report read some 170,000
-- documents for it. The report row now says whether a letter has one (`facts_row.rs`
-- writes it with the row), and an index of the letters alone counts them.
ALTER TABLE case_facts ADD COLUMN letter_signed INTEGER NOT NULL DEFAULT 0;
UPDATE case_facts SET letter_signed = 1 WHERE id IN (
    SELECT id FROM cases
     WHERE channel = 'letter' AND json_array_length(doc, '$.instructions') > 0);
CREATE INDEX IF NOT EXISTS case_facts_letters ON case_facts (received_at, letter_signed)
    WHERE channel = 'letter';
