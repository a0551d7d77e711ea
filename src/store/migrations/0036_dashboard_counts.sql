-- The dashboard's counts (issue 19: its reload in ≤ 4 ms at a million cases): the open
-- major cases, those awaiting a leader's instruction, the open group visits, the repeat
-- petitioners and each leader's open 包案 cases (`owned:<leader>`, a row gone at zero) were
-- each a count over an index that grows with the ledger (4,800, 12,900, 10,900, 56,000 and
-- 18,500 entries at 1M, every page authenticated and decrypted). Now kept by
-- triggers as the rows are written, as migration 0029 keeps the tallies by state; the
-- dashboard takes off the few cases hidden from its reader (`store/dashboard_counts.rs`),
-- a bulk load counts them at its end, and `check` recounts them. The conditions are the
-- dashboard's (`store/dashboard.rs`; a group visit is 5 or more people, 2022 Art 20).
CREATE TABLE IF NOT EXISTS case_counts (
    what TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) WITHOUT ROWID;

DELETE FROM case_counts;
INSERT INTO case_counts (what, n) VALUES
    ('major', (SELECT count(*) FROM cases WHERE urgency = 'major' AND state <> 'archived')),
    ('awaiting', (SELECT count(*) FROM cases WHERE awaiting_instruction = 1)),
    ('groups', (SELECT count(*) FROM cases WHERE people >= 5 AND state <> 'archived')),
    ('repeaters', (SELECT count(*) FROM person_counts WHERE cases > 1));
INSERT INTO case_counts (what, n)
    SELECT 'owned:' || owner_leader, count(*) FROM cases
     WHERE owner_leader IS NOT NULL AND state <> 'archived' GROUP BY owner_leader;

CREATE TRIGGER IF NOT EXISTS cases_counted AFTER INSERT ON cases
BEGIN
    UPDATE case_counts SET n = n + (NEW.urgency = 'major' AND NEW.state <> 'archived') WHERE what = 'major';
    UPDATE case_counts SET n = n + (NEW.awaiting_instruction = 1) WHERE what = 'awaiting';
    UPDATE case_counts SET n = n + (NEW.people >= 5 AND NEW.state <> 'archived') WHERE what = 'groups';
END;

CREATE TRIGGER IF NOT EXISTS cases_counted_again
AFTER UPDATE OF urgency, state, awaiting_instruction, people ON cases
BEGIN
    UPDATE case_counts SET n = n + (NEW.urgency = 'major' AND NEW.state <> 'archived') + - (OLD.urgency = 'major' AND OLD.state <> 'archived') WHERE what = 'major';
    UPDATE case_counts SET n = n + (NEW.awaiting_instruction = 1) + - (OLD.awaiting_instruction = 1) WHERE what = 'awaiting';
    UPDATE case_counts SET n = n + (NEW.people >= 5 AND NEW.state <> 'archived') + - (OLD.people >= 5 AND OLD.state <> 'archived') WHERE what = 'groups';
END;

CREATE TRIGGER IF NOT EXISTS cases_uncounted AFTER DELETE ON cases
BEGIN
    UPDATE case_counts SET n = n + 0 - (OLD.urgency = 'major' AND OLD.state <> 'archived') WHERE what = 'major';
    UPDATE case_counts SET n = n + 0 - (OLD.awaiting_instruction = 1) WHERE what = 'awaiting';
    UPDATE case_counts SET n = n + 0 - (OLD.people >= 5 AND OLD.state <> 'archived') WHERE what = 'groups';
END;

CREATE TRIGGER IF NOT EXISTS person_counts_counted AFTER INSERT ON person_counts
BEGIN
    UPDATE case_counts SET n = n + (NEW.cases > 1) WHERE what = 'repeaters';
END;

CREATE TRIGGER IF NOT EXISTS person_counts_counted_again AFTER UPDATE OF cases ON person_counts
BEGIN
    UPDATE case_counts SET n = n + (NEW.cases > 1) - (OLD.cases > 1) WHERE what = 'repeaters';
END;

CREATE TRIGGER IF NOT EXISTS person_counts_uncounted AFTER DELETE ON person_counts
BEGIN
    UPDATE case_counts SET n = n - (OLD.cases > 1) WHERE what = 'repeaters';
END;

CREATE TRIGGER IF NOT EXISTS cases_owned_counted AFTER INSERT ON cases
WHEN NEW.owner_leader IS NOT NULL AND NEW.state <> 'archived'
BEGIN
    INSERT INTO case_counts (what, n) VALUES ('owned:' || NEW.owner_leader, 1)
    ON CONFLICT (what) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS cases_owned_counted_again AFTER UPDATE OF owner_leader, state ON cases
WHEN OLD.owner_leader IS NOT NEW.owner_leader OR OLD.state IS NOT NEW.state
BEGIN
    UPDATE case_counts SET n = n - 1
     WHERE what = 'owned:' || OLD.owner_leader AND OLD.state <> 'archived';
    DELETE FROM case_counts WHERE what = 'owned:' || OLD.owner_leader AND n = 0;
    INSERT INTO case_counts (what, n)
    SELECT 'owned:' || NEW.owner_leader, 1
     WHERE NEW.owner_leader IS NOT NULL AND NEW.state <> 'archived'
    ON CONFLICT (what) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS cases_owned_uncounted AFTER DELETE ON cases
WHEN OLD.owner_leader IS NOT NULL AND OLD.state <> 'archived'
BEGIN
    UPDATE case_counts SET n = n - 1 WHERE what = 'owned:' || OLD.owner_leader;
    DELETE FROM case_counts WHERE what = 'owned:' || OLD.owner_leader AND n = 0;
END;
