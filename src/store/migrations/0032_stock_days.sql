-- The report's stocks as changes by day (issue 19; `store/stock_days.rs`), kept in the
-- case's transaction with the rows they come from and compared by `check`.
--
-- Overdue: the stabbing query over `report_overdue` read every span that holds a cut-off
-- (54,000 at a million cases, more at a cut-off a year back), at each of a report's three
-- cut-offs. Each case's spans now also add +1 on the day a count starts and −1 on the day
-- it stops (what the keys count: `domain::stats::overdue_days`):
--   key  `c:<clock>` (spans), `k:<clock>` (cases, the two clocks counted by case),
--        `s:<state>` (cases by their state now), `y:<year>` (cases by their clock's start)
--   day  the day number of `report_overdue` (0001-01-01 is 1)
-- and the stocks at cut-off c are the sums of the rows of days ≤ c.
CREATE TABLE IF NOT EXISTS report_overdue_days (
    key  TEXT NOT NULL,
    day  INTEGER NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (key, day)
) STRICT, WITHOUT ROWID;

-- The overdue list's first page, longest overdue first: the spans walked in order of due
-- day until the page is full, not every span that holds the cut-off sorted.
CREATE INDEX IF NOT EXISTS report_overdue_due
    ON report_overdue (due, ord, case_id, from_day, to_day, clock);

-- Supervision: a window's orders and the cases ordered in it by state were read order by
-- order and made distinct by a sort (45,000 in a year at a million cases). Each order now
-- counts on its office-local day (days since 1970-01-01), `o:orders` and `v:<state>`; a
-- case ordered twice in a window is taken off once for its later order, found by the day
-- of the order before it (`prev_day`, the case's orders in order of day and seq). The
-- orders' table is made anew with the two columns (rows remade below).
CREATE TABLE IF NOT EXISTS report_supervision_days (
    key  TEXT NOT NULL,
    day  INTEGER NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (key, day)
) STRICT, WITHOUT ROWID;

DROP TABLE IF EXISTS report_supervision;
CREATE TABLE report_supervision (
    case_id     INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    ground      TEXT NOT NULL,
    feedback_by TEXT NOT NULL,
    state       TEXT NOT NULL,
    day         INTEGER NOT NULL,
    prev_day    INTEGER,
    PRIMARY KEY (case_id, seq)
) STRICT, WITHOUT ROWID;
-- The list's first page, the latest order first.
CREATE INDEX report_supervision_day ON report_supervision (day, seq, case_id);
-- The orders of a case ordered before in the window.
CREATE INDEX report_supervision_again ON report_supervision (prev_day, day, state)
    WHERE prev_day IS NOT NULL;

-- With the rollups forgotten, the next writable open fills the tables in one pass (IF NOT
-- EXISTS: a ledger taken back to an older schema upgrades again).
DELETE FROM report_rollup_rules;
