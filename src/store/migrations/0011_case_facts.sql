-- What the statistics report reads of each case (`domain::stats::CaseFacts`), one narrow row
-- per case beside its document, written with every case row (`store/facts.rs`): a report
-- at 1,000,000 cases reads some 250,000 of these (about 150 bytes) instead of parsing as
-- many 3 KB documents.
--   received_at, state, replied_on, archived_at   as in `cases`: what the report selects by
--   instants                                      unix seconds; the report takes their
--                                                 office-local dates under today's policy
--   attached       the attached items' receipt instants, comma-separated; NULL when none
--   supervisions   'at,ground,feedback_by' per order, ';'-separated, in order; NULL when none
--   earlier_petitioner  1 when a petitioner (ID number, phone, or name and address) brought
--                  a case received earlier: set by the trigger below as petitioners are
--                  written, never unset (petitioners are never changed or deleted)
-- The summaries are in `case_summaries`: read only for the cases a report lists (some
-- 50,000 at a million), beside the facts they would triple the pages a report reads.

CREATE TABLE case_facts (
    id              INTEGER PRIMARY KEY REFERENCES cases (id),
    received_at     INTEGER NOT NULL,
    state           TEXT NOT NULL,
    replied_on      TEXT,
    archived_at     INTEGER,
    case_no         TEXT,
    channel         TEXT NOT NULL,
    people          INTEGER NOT NULL,
    category        TEXT NOT NULL,
    target          TEXT,
    urgency         TEXT NOT NULL,
    linked          INTEGER NOT NULL,
    earlier_petitioner INTEGER NOT NULL DEFAULT 0,
    department      TEXT,
    attached        TEXT,
    decision        TEXT,
    decided_at      INTEGER,
    served_on       TEXT,
    outcome         TEXT,
    unit_rating     TEXT,
    office_rating   TEXT,
    extension_days  INTEGER,
    extended_at     INTEGER,
    supervisions    TEXT
) STRICT;

-- Every document parsed once, into a staging table that also holds the summary; then the
-- two tables filled from it, each row written once (an ALTER TABLE dropping the summary
-- from case_facts would leave its pages two-thirds empty).
CREATE TEMP TABLE facts_staging AS
SELECT id, received_at, state, replied_on, archived_at, case_no, channel,
       people, category, doc ->> '$.intake.target' AS target, urgency,
       coalesce(json_array_length(doc, '$.intake.links'), 0) > 0 OR review_of IS NOT NULL
           AS linked,
       department,
       (SELECT group_concat(unixepoch(a.value ->> 'received_at'), ',' ORDER BY a.key)
          FROM json_each(doc, '$.attached') a) AS attached,
       doc ->> '$.decision.decision' AS decision,
       unixepoch(doc ->> '$.decision.at') AS decided_at,
       doc ->> '$.reply.served_at' AS served_on, doc ->> '$.reply.outcome' AS outcome,
       doc ->> '$.return_visit.unit' AS unit_rating,
       doc ->> '$.return_visit.office' AS office_rating,
       doc ->> '$.extension.days' AS extension_days,
       unixepoch(doc ->> '$.extension.at') AS extended_at,
       (SELECT group_concat(unixepoch(s.value ->> 'at') || ',' || (s.value ->> 'ground') || ','
                            || (s.value ->> 'feedback_by'), ';' ORDER BY s.key)
          FROM json_each(doc, '$.supervisions') s) AS supervisions,
       doc ->> '$.intake.summary' AS summary
  FROM cases;

INSERT INTO case_facts (id, received_at, state, replied_on, archived_at, case_no, channel,
        people, category, target, urgency, linked, department, attached, decision, decided_at,
        served_on, outcome, unit_rating, office_rating, extension_days, extended_at,
        supervisions)
SELECT id, received_at, state, replied_on, archived_at, case_no, channel,
       people, category, target, urgency, linked, department, attached, decision, decided_at,
       served_on, outcome, unit_rating, office_rating, extension_days, extended_at,
       supervisions
  FROM temp.facts_staging ORDER BY id;

-- The summaries, each case's once (it never changes after intake).
CREATE TABLE case_summaries (
    id      INTEGER PRIMARY KEY REFERENCES cases (id),
    summary TEXT NOT NULL
) STRICT;
INSERT INTO case_summaries (id, summary) SELECT id, summary FROM temp.facts_staging ORDER BY id;
DROP TABLE temp.facts_staging;

-- As `store/report.rs` asked the petitioner indexes per report (the same rule as
-- `domain::stats::repeat`): an earlier receipt time, or the same second and a smaller id
-- (a petitioner row carries its case's receipt time). `store/bulk.rs` runs the same.
UPDATE case_facts SET earlier_petitioner = 1 WHERE EXISTS (
   SELECT 1 FROM petitioners p WHERE p.case_id = case_facts.id AND (
        (p.id_number <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.id_number = p.id_number
              AND (q.received_at, q.case_id) < (p.received_at, p.case_id)))
     OR (p.phone <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.phone = p.phone AND (q.received_at, q.case_id) < (p.received_at, p.case_id)))
     OR (p.name <> '' AND p.address <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.name = p.name AND q.address = p.address
              AND (q.received_at, q.case_id) < (p.received_at, p.case_id)))));

-- The report's four selections (`store/facts.rs`).
CREATE INDEX case_facts_by_received ON case_facts (received_at);
CREATE INDEX case_facts_by_state ON case_facts (state, received_at);
CREATE INDEX case_facts_by_replied ON case_facts (replied_on, received_at)
    WHERE replied_on IS NOT NULL;
CREATE INDEX case_facts_by_archived ON case_facts (archived_at, received_at)
    WHERE archived_at IS NOT NULL;

-- A new petitioner makes its own case a repeat when an earlier case shares its person, and
-- any later case that does (a paper record entered after the fact is received earlier).
-- The case's facts row is written before its petitioners. The bulk writer drops this
-- trigger with the indexes and sets every flag once at the end (`store/bulk.rs`).
CREATE TRIGGER petitioners_repeat AFTER INSERT ON petitioners
BEGIN
    UPDATE case_facts SET earlier_petitioner = 1
     WHERE id = NEW.case_id AND earlier_petitioner = 0 AND (
        (NEW.id_number <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.id_number = NEW.id_number
              AND (q.received_at, q.case_id) < (NEW.received_at, NEW.case_id)))
     OR (NEW.phone <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.phone = NEW.phone
              AND (q.received_at, q.case_id) < (NEW.received_at, NEW.case_id)))
     OR (NEW.name <> '' AND NEW.address <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.name = NEW.name AND q.address = NEW.address
              AND (q.received_at, q.case_id) < (NEW.received_at, NEW.case_id))));
    UPDATE case_facts SET earlier_petitioner = 1
     WHERE earlier_petitioner = 0 AND id IN (
        SELECT q.case_id FROM petitioners q
         WHERE NEW.id_number <> '' AND q.id_number = NEW.id_number
           AND (q.received_at, q.case_id) > (NEW.received_at, NEW.case_id)
        UNION ALL
        SELECT q.case_id FROM petitioners q
         WHERE NEW.phone <> '' AND q.phone = NEW.phone
           AND (q.received_at, q.case_id) > (NEW.received_at, NEW.case_id)
        UNION ALL
        SELECT q.case_id FROM petitioners q
         WHERE NEW.name <> '' AND NEW.address <> '' AND q.name = NEW.name
           AND q.address = NEW.address
           AND (q.received_at, q.case_id) > (NEW.received_at, NEW.case_id));
END;
