-- The desk's header after every save (issue 19: a durable intake + register, p99 5 ms at a
-- million cases). Two of its counts read each case they counted for the reader's sight
-- (2022 Art 30 第三款): 1.5 of a clerk's 5 ms at 1,000,000 cases.

-- Today's cases: the index by time held no column of the reach, so each of the day's cases
-- (some 1,400) was read from its row. It now holds them; same name, same order, so it
-- still serves what the old one served (the dashboard's newest first, the reports' month).
DROP INDEX IF EXISTS cases_by_received;
CREATE INDEX cases_by_received ON cases (received_at, id, confidential, receiver);

-- The overdue and due-soon counts less others' confidential cases: that part walked the
-- confidential cases' index (some 6,600 overdue at a million) after every save, though a
-- save rarely touches a confidential case. A number that moves whenever any connection
-- writes a confidential case lets the desk keep the part until it moves (`counts.rs`).
CREATE TABLE IF NOT EXISTS confidential_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT OR IGNORE INTO confidential_changes (id, n) VALUES (1, 0);

CREATE TRIGGER IF NOT EXISTS confidential_inserted AFTER INSERT ON cases
WHEN NEW.confidential = 1
BEGIN
    UPDATE confidential_changes SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER IF NOT EXISTS confidential_updated AFTER UPDATE ON cases
WHEN NEW.confidential = 1 OR OLD.confidential = 1
BEGIN
    UPDATE confidential_changes SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER IF NOT EXISTS confidential_deleted AFTER DELETE ON cases
WHEN OLD.confidential = 1
BEGIN
    UPDATE confidential_changes SET n = n + 1 WHERE id = 1;
END;
