-- The desk's first screen reads what it shows, not the ledger (issue 19: start with a cold
-- page cache). Its header counted the open cases by state and the overdue ones from their
-- indexes (140,000 and 54,000 entries at 1,000,000 cases: over a thousand pages read from
-- disk), and the list of cases that accuse the reader (2022 Art 30 第三款) began with one
-- index seek per distinct accused name. Both are now kept as cases are written.

-- Every case counted by its state and the date its nearest running clock falls due ('' for
-- none; a row gone at zero): the open states' counts and the overdue count are sums over
-- a few thousand rows at most.
CREATE TABLE IF NOT EXISTS case_tallies (
    state TEXT NOT NULL,
    due   TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (state, due)
) WITHOUT ROWID;

DELETE FROM case_tallies;
INSERT INTO case_tallies (state, due, n)
    SELECT state, coalesce(next_due, ''), count(*) FROM cases GROUP BY 1, 2;

CREATE TRIGGER IF NOT EXISTS cases_tallied AFTER INSERT ON cases
BEGIN
    INSERT INTO case_tallies (state, due, n) VALUES (NEW.state, coalesce(NEW.next_due, ''), 1)
    ON CONFLICT (state, due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS cases_tallied_again AFTER UPDATE OF state, next_due ON cases
WHEN OLD.state IS NOT NEW.state OR OLD.next_due IS NOT NEW.next_due
BEGIN
    UPDATE case_tallies SET n = n - 1 WHERE state = OLD.state AND due = coalesce(OLD.next_due, '');
    DELETE FROM case_tallies WHERE state = OLD.state AND due = coalesce(OLD.next_due, '') AND n = 0;
    INSERT INTO case_tallies (state, due, n) VALUES (NEW.state, coalesce(NEW.next_due, ''), 1)
    ON CONFLICT (state, due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS cases_untallied AFTER DELETE ON cases
BEGIN
    UPDATE case_tallies SET n = n - 1 WHERE state = OLD.state AND due = coalesce(OLD.next_due, '');
    DELETE FROM case_tallies WHERE state = OLD.state AND due = coalesce(OLD.next_due, '') AND n = 0;
END;

-- A clerk does not see others' confidential cases: those are taken off the tallies, read
-- from indexes of the confidential cases alone (a few percent of the open and overdue),
-- which hold every column the reach reads (`sight.rs`).
CREATE INDEX IF NOT EXISTS cases_confidential_by_state ON cases (state, receiver, confidential)
    WHERE confidential = 1;
CREATE INDEX IF NOT EXISTS cases_confidential_by_due ON cases (next_due, receiver, confidential)
    WHERE confidential = 1;

-- Every name a case has accused (unit or person), never removed: a superset only costs a
-- look-up that finds nothing. What accuses a reader is matched loosely (区城建科 ~ 城建科),
-- so the reader's list starts from these names rather than from one exact look-up.
CREATE TABLE IF NOT EXISTS accused_names (name TEXT PRIMARY KEY) WITHOUT ROWID;

INSERT OR IGNORE INTO accused_names (name)
    SELECT target FROM cases WHERE target IS NOT NULL
    UNION SELECT target_person FROM cases WHERE target_person IS NOT NULL;

CREATE TRIGGER IF NOT EXISTS cases_accusing AFTER INSERT ON cases
WHEN NEW.target IS NOT NULL OR NEW.target_person IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO accused_names (name)
        SELECT NEW.target WHERE NEW.target IS NOT NULL
        UNION ALL SELECT NEW.target_person WHERE NEW.target_person IS NOT NULL;
END;

CREATE TRIGGER IF NOT EXISTS cases_accusing_again AFTER UPDATE OF target, target_person ON cases
BEGIN
    INSERT OR IGNORE INTO accused_names (name)
        SELECT NEW.target WHERE NEW.target IS NOT NULL
        UNION ALL SELECT NEW.target_person WHERE NEW.target_person IS NOT NULL;
END;
