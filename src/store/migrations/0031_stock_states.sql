-- The report's stocks by the state of their cases now (issue 19): the overdue cases and
-- the supervised ones were counted by state through a look-up of each case's report row
-- (54,000 at a million cases, at each of a report's three cut-offs: half a year report's
-- time). Each stock row now carries its case's state, written with it in the case's
-- transaction (`store/stocks.rs`: every write of a case replaces its rows), so the counts
-- come from the stocks' own indexes. The tables are made anew with the column (so that a
-- ledger taken back to an older schema upgrades again), and with the rollups forgotten at
-- the end the next writable open fills them in one pass, as after migration 0027.
DROP TABLE IF EXISTS report_overdue;
CREATE TABLE report_overdue (
    case_id   INTEGER NOT NULL,
    ord       INTEGER NOT NULL,
    from_day  INTEGER NOT NULL,
    to_day    INTEGER NOT NULL,
    due       INTEGER NOT NULL,
    start     INTEGER,
    clock     TEXT NOT NULL,
    state     TEXT NOT NULL,
    PRIMARY KEY (case_id, ord, from_day)
) STRICT, WITHOUT ROWID;
CREATE INDEX report_overdue_at
    ON report_overdue (to_day, from_day, case_id, due, ord, clock, start, state);

DROP TABLE IF EXISTS report_supervision;
CREATE TABLE report_supervision (
    case_id     INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    ground      TEXT NOT NULL,
    feedback_by TEXT NOT NULL,
    state       TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX report_supervision_at ON report_supervision (at, case_id, state);

DELETE FROM report_rollup_rules;
